-- Every account is vouched for by the population registry: keep the family card number, the
-- registry record version last applied (older change events are ignored) and when the registry
-- last confirmed it. Accounts that existed before this migration can only be the quickstart's
-- demo accounts, which the embedded registry holds at version 1 with these family cards.
alter table citizen add column family_card_number varchar(16);
alter table citizen add column registry_version bigint not null default 1;
alter table citizen add column verified_at timestamp with time zone;
update citizen set verified_at = created_at,
    family_card_number = case nik when '3171016502900001' then '3171011503150001'
                                  when '3273011708850002' then '3273012006100002'
                                  when '3578015003950003' then '3578010207180003'
                                  else '0000000000000000' end;
alter table citizen alter column family_card_number set not null;
alter table citizen alter column verified_at set not null;

-- The registry can record a death: such an account never becomes active again.
alter table citizen drop constraint ck_citizen_status;
alter table citizen add constraint ck_citizen_status check (status in ('ACTIVE', 'DISABLED', 'DECEASED'));
