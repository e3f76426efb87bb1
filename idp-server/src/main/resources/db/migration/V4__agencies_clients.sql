-- Agencies and their OAuth 2 / OpenID Connect relying parties.
-- Portable between PostgreSQL and H2 (PostgreSQL mode): varchar, uuid, boolean, timestamp with time zone.
-- Multi-valued metadata (grant types, redirect URIs, scopes, ...) is stored space-delimited:
-- none of these values may contain a space (RFC 6749 §3.3 scope-token, RFC 3986 URIs).
create table agency (
    id         uuid primary key,
    code       varchar(40)  not null,
    name       varchar(200) not null,
    created_at timestamp with time zone not null,
    constraint agency_code_unique unique (code)
);

create table oauth_client (
    id                              varchar(64)   primary key,
    client_id                       varchar(128)  not null,
    agency_id                       uuid          not null references agency (id),
    client_name                     varchar(200)  not null,
    client_id_issued_at             timestamp with time zone not null,
    -- SHA-256 of the server-generated secret (base64url); null for public and private_key_jwt clients
    secret_hash                     varchar(64),
    secret_issued_at                timestamp with time zone,
    secret_expires_at               timestamp with time zone,
    token_endpoint_auth_methods     varchar(200)  not null,
    token_endpoint_auth_signing_alg varchar(16),
    grant_types                     varchar(200)  not null,
    response_types                  varchar(100)  not null,
    redirect_uris                   varchar(8000) not null,
    post_logout_redirect_uris       varchar(8000) not null,
    scopes                          varchar(2000) not null,
    jwks                            varchar(32000),
    jwks_uri                        varchar(2000),
    id_token_signed_response_alg    varchar(16)   not null,
    require_consent                 boolean       not null,
    public_client                   boolean       not null,
    updated_at                      timestamp with time zone not null,
    constraint oauth_client_client_id_unique unique (client_id)
);
create index oauth_client_agency on oauth_client (agency_id);
