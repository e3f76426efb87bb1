-- OpenID Connect Back-Channel Logout 1.0 §2.2: a client's back-channel logout endpoint and whether it
-- needs the sid claim in logout tokens. Portable between PostgreSQL and H2 (PostgreSQL mode).
alter table oauth_client add column backchannel_logout_uri varchar(2000);
alter table oauth_client add column backchannel_logout_session_required boolean not null default false;
