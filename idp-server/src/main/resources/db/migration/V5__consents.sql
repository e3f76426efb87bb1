-- Consents (OAuth2AuthorizationConsent): which authorities (scopes) a citizen granted a client.
-- Withdrawing a consent deletes its row. Portable between PostgreSQL and H2 in PostgreSQL mode.
create table consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(4000) not null,
    granted_at           timestamp with time zone not null,
    primary key (registered_client_id, principal_name)
);
create index consent_principal on consent (principal_name);
