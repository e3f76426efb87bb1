-- Citizen accounts, keyed by NIK. Portable between PostgreSQL and H2 (PostgreSQL mode).
create table citizen (
    id                    uuid                     not null primary key,
    nik                   varchar(16)              not null,
    full_name             varchar(200)             not null,
    birth_date            date                     not null,
    sex                   varchar(6)               not null,
    street                varchar(200),
    rt                    varchar(3),
    rw                    varchar(3),
    village               varchar(100),
    district              varchar(100),
    regency               varchar(100),
    province              varchar(100),
    postal_code           varchar(5),
    email                 varchar(254),
    email_verified        boolean                  not null default false,
    phone_number          varchar(16),
    phone_number_verified boolean                  not null default false,
    -- Argon2id PHC string; null until the citizen has set a password
    password_hash         varchar(255),
    status                varchar(8)               not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint uq_citizen_nik unique (nik),
    constraint ck_citizen_sex check (sex in ('FEMALE', 'MALE')),
    constraint ck_citizen_status check (status in ('ACTIVE', 'DISABLED'))
);
