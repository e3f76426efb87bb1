-- Audit events: append-only. Portable between PostgreSQL and H2 (PostgreSQL mode).
create table audit_event (
    id          uuid primary key,
    occurred_at timestamp with time zone not null,
    event_type  varchar(64)  not null,
    outcome     varchar(16)  not null,
    client_id   varchar(128),
    citizen_id  uuid,
    source_ip   varchar(64),
    detail      varchar(1000)
);
create index audit_event_type_time on audit_event (event_type, occurred_at);
create index audit_event_citizen_time on audit_event (citizen_id, occurred_at);
