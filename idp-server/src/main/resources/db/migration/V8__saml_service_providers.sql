-- SAML 2.0 service providers registered inside an agency (package id.satupintu.idp.saml.sp).
-- Portable between PostgreSQL and H2 (PostgreSQL mode), like V4.
-- The metadata document (SAML Metadata §2.4.4 SPSSODescriptor) is the single source of truth for
-- endpoints and certificates: it is kept verbatim and parsed again when loaded; the columns beside
-- it are what administrators chose (ServiceProvider.Settings) and the state of URL refreshes.
create table saml_service_provider (
    id                           uuid                     not null primary key,
    agency_id                    uuid                     not null references agency (id),
    entity_id                    varchar(1024)            not null,
    display_name                 varchar(200)             not null,
    metadata_xml                 text                     not null,
    -- where the metadata is refreshed from, and the certificate its signature must verify with (PEM);
    -- both null for uploaded metadata
    metadata_url                 varchar(2000),
    metadata_signing_certificate text,
    metadata_refresh_seconds     bigint,
    last_refreshed_at            timestamp with time zone,
    last_refresh_error           varchar(1000),
    next_refresh_at              timestamp with time zone,
    -- space-delimited scope tokens (RFC 6749 §3.3): which attribute groups may be released
    scopes                       varchar(2000)            not null,
    signed_parts                 varchar(10)              not null,
    encrypt_assertions           boolean                  not null,
    require_signed_requests      boolean                  not null,
    idp_initiated_allowed        boolean                  not null,
    created_at                   timestamp with time zone not null,
    updated_at                   timestamp with time zone not null,
    constraint uq_saml_service_provider_entity_id unique (entity_id),
    -- CASE rather than "in (...)": H2 2.4.240 fails "in" checks once the migration's connection is
    -- closed (H2 issues #4302 and #4308; see V7)
    constraint ck_saml_service_provider_signed_parts check (case signed_parts
        when 'RESPONSE' then true when 'ASSERTION' then true when 'BOTH' then true else false end),
    constraint ck_saml_service_provider_refresh check (metadata_refresh_seconds is null
        or metadata_refresh_seconds >= 300),
    constraint ck_saml_service_provider_url_signer check ((metadata_url is null and metadata_signing_certificate is null)
        or (metadata_url is not null and metadata_signing_certificate is not null))
);
create index saml_service_provider_agency on saml_service_provider (agency_id);
create index saml_service_provider_next_refresh on saml_service_provider (next_refresh_at);

-- One number bumped in the same transaction as every change of what a service provider is
-- (registration, settings, new metadata, removal), so every node polls one cheap value and drops
-- its in-memory copies only when it changed (CachedServiceProviderStore).
create table saml_service_provider_revision (
    id       smallint not null primary key,
    revision bigint   not null,
    constraint ck_saml_service_provider_revision_single_row check (id = 1)
);
insert into saml_service_provider_revision (id, revision) values (1, 0);
