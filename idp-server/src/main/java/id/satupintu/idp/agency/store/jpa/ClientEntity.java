package id.satupintu.idp.agency.store.jpa;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Row of the {@code oauth_client} table (V4__agencies_clients.sql): one relying-party client with
 * its RFC 7591 / OIDC Dynamic Client Registration 1.0 §2 metadata. Mapping to Spring's
 * {@code RegisteredClient} lives in {@link RegisteredClientMapper}.
 */
@Entity
@Table(name = "oauth_client")
class ClientEntity {

    @Id
    @Column(length = 64)
    String id;

    @Column(name = "client_id", nullable = false, unique = true, length = 128)
    String clientId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "agency_id", nullable = false)
    AgencyEntity agency;

    @Column(name = "client_name", nullable = false, length = 200)
    String clientName;

    @Column(name = "client_id_issued_at", nullable = false)
    Instant clientIdIssuedAt;

    @Column(name = "secret_hash", length = 64)
    String secretHash;

    @Column(name = "secret_issued_at")
    Instant secretIssuedAt;

    @Column(name = "secret_expires_at")
    Instant secretExpiresAt;

    @Convert(converter = SpaceDelimitedSetConverter.class)
    @Column(name = "token_endpoint_auth_methods", nullable = false, length = 200)
    Set<String> tokenEndpointAuthMethods = new LinkedHashSet<>();

    @Column(name = "token_endpoint_auth_signing_alg", length = 16)
    String tokenEndpointAuthSigningAlg;

    @Convert(converter = SpaceDelimitedSetConverter.class)
    @Column(name = "grant_types", nullable = false, length = 200)
    Set<String> grantTypes = new LinkedHashSet<>();

    @Convert(converter = SpaceDelimitedSetConverter.class)
    @Column(name = "response_types", nullable = false, length = 100)
    Set<String> responseTypes = new LinkedHashSet<>();

    @Convert(converter = SpaceDelimitedSetConverter.class)
    @Column(name = "redirect_uris", nullable = false, length = 8000)
    Set<String> redirectUris = new LinkedHashSet<>();

    @Convert(converter = SpaceDelimitedSetConverter.class)
    @Column(name = "post_logout_redirect_uris", nullable = false, length = 8000)
    Set<String> postLogoutRedirectUris = new LinkedHashSet<>();

    @Convert(converter = SpaceDelimitedSetConverter.class)
    @Column(nullable = false, length = 2000)
    Set<String> scopes = new LinkedHashSet<>();

    @Column(length = 32000)
    String jwks;

    @Column(name = "jwks_uri", length = 2000)
    String jwksUri;

    @Column(name = "id_token_signed_response_alg", nullable = false, length = 16)
    String idTokenSignedResponseAlg;

    @Column(name = "require_consent", nullable = false)
    boolean requireConsent;

    @Column(name = "public_client", nullable = false)
    boolean publicClient;

    /** OIDC Back-Channel Logout 1.0 §2.2 (V9__client_logout_uris.sql). */
    @Column(name = "backchannel_logout_uri", length = 2000)
    String backchannelLogoutUri;

    @Column(name = "backchannel_logout_session_required", nullable = false)
    boolean backchannelLogoutSessionRequired;

    /** OIDC Front-Channel Logout 1.0 §2 (V10__client_frontchannel_logout.sql). */
    @Column(name = "frontchannel_logout_uri", length = 2000)
    String frontchannelLogoutUri;

    @Column(name = "frontchannel_logout_session_required", nullable = false)
    boolean frontchannelLogoutSessionRequired;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
