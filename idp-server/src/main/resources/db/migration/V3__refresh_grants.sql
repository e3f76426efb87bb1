-- Refresh grants: authorizations holding a refresh token (durable; in-flight ones live in Redis).
-- Tokens appear only as base64url SHA-256 hashes (43 characters). Portable between PostgreSQL and
-- H2 in PostgreSQL mode.
create table refresh_grant (
    id                   varchar(100) primary key,
    registered_client_id varchar(100) not null,
    principal_name       varchar(200) not null,
    refresh_token_hash   varchar(64)  not null,
    access_token_hash    varchar(64),
    id_token_hash        varchar(64),
    code_hash            varchar(64),
    expires_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    snapshot             bytea        not null
);
create unique index refresh_grant_refresh_token on refresh_grant (refresh_token_hash);
create index refresh_grant_access_token on refresh_grant (access_token_hash);
create index refresh_grant_id_token on refresh_grant (id_token_hash);
create index refresh_grant_code on refresh_grant (code_hash);
create index refresh_grant_principal on refresh_grant (principal_name);
create index refresh_grant_expiry on refresh_grant (expires_at);

-- Refresh tokens a grant has rotated away from; presenting one revokes the grant (RFC 9700 §4.14.2).
create table refresh_grant_superseded_token (
    token_hash    varchar(64)  primary key,
    grant_id      varchar(100) not null references refresh_grant (id) on delete cascade,
    superseded_at timestamp with time zone not null
);
create index refresh_grant_superseded_grant on refresh_grant_superseded_token (grant_id);
