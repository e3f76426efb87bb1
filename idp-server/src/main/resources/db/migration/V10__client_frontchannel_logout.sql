-- OpenID Connect Front-Channel Logout 1.0 §2: the page a client wants loaded in an iframe when the
-- citizen's session ends, and whether it needs iss and sid on it. Portable between PostgreSQL and H2
-- (PostgreSQL mode).
alter table oauth_client add column frontchannel_logout_uri varchar(2000);
alter table oauth_client add column frontchannel_logout_session_required boolean not null default false;
