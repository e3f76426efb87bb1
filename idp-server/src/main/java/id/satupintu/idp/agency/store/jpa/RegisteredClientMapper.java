package id.satupintu.idp.agency.store.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.agency.InlineClientJwks;
import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.agency.TokenLifetimes;
import id.satupintu.idp.agency.secret.Sha256ClientSecretEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * Maps between a stored {@link ClientEntity} and Spring's {@link RegisteredClient}. Loading applies
 * {@link ClientTokenPolicy}, so no stored value can weaken PKCE, rotation or token lifetimes.
 */
final class RegisteredClientMapper {

    private RegisteredClientMapper() {
    }

    static RegisteredClient toRegisteredClient(ClientEntity row, TokenLifetimes lifetimes) {
        ClientSettings.Builder settings = ClientTokenPolicy.clientSettings(row.agency.code(), row.requireConsent);
        if (row.jwksUri != null) {
            settings.jwkSetUrl(row.jwksUri);
        }
        if (row.jwks != null) {
            settings.setting(InlineClientJwks.SETTING, row.jwks);
        }
        LogoutChannel.BACK.apply(settings, row.backchannelLogoutUri, row.backchannelLogoutSessionRequired);
        LogoutChannel.FRONT.apply(settings, row.frontchannelLogoutUri, row.frontchannelLogoutSessionRequired);
        if (row.tokenEndpointAuthSigningAlg != null) {
            settings.tokenEndpointAuthenticationSigningAlgorithm(jwsAlgorithm(row.tokenEndpointAuthSigningAlg));
        }
        return RegisteredClient.withId(row.id)
                .clientId(row.clientId)
                .clientIdIssuedAt(row.clientIdIssuedAt)
                .clientSecret(row.secretHash)
                .clientSecretExpiresAt(row.secretExpiresAt)
                .clientName(row.clientName)
                .clientAuthenticationMethods(methods -> row.tokenEndpointAuthMethods
                        .forEach(m -> methods.add(new ClientAuthenticationMethod(m))))
                .authorizationGrantTypes(grants -> row.grantTypes
                        .forEach(g -> grants.add(new AuthorizationGrantType(g))))
                .redirectUris(uris -> uris.addAll(row.redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(row.postLogoutRedirectUris))
                .scopes(scopes -> scopes.addAll(row.scopes))
                .clientSettings(settings.build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(signatureAlgorithm(row.idTokenSignedResponseAlg), lifetimes))
                .build();
    }

    /** Copies the client onto the row; the row's agency must already be resolved by the caller. */
    static void copyOnto(RegisteredClient client, ClientEntity row, AgencyEntity agency, Instant now) {
        String secret = client.getClientSecret();
        if (secret != null && secret.length() != Sha256ClientSecretEncoder.ENCODED_LENGTH) {
            // guards against persisting a clear secret by mistake: only SHA-256 encodings are stored
            throw new IllegalArgumentException("client " + client.getClientId() + " secret is not SHA-256 encoded");
        }
        if (row.secretIssuedAt == null || !Objects.equals(row.secretHash, secret)) {
            row.secretIssuedAt = secret == null ? null : now;
        }
        row.id = client.getId();
        row.clientId = client.getClientId();
        row.agency = agency;
        row.clientName = client.getClientName() == null ? client.getClientId() : client.getClientName();
        row.clientIdIssuedAt = client.getClientIdIssuedAt() == null ? now : client.getClientIdIssuedAt();
        row.secretHash = secret;
        row.secretExpiresAt = client.getClientSecretExpiresAt();
        row.tokenEndpointAuthMethods = values(client.getClientAuthenticationMethods().stream()
                .map(ClientAuthenticationMethod::getValue).toList());
        row.grantTypes = values(client.getAuthorizationGrantTypes().stream()
                .map(AuthorizationGrantType::getValue).toList());
        row.responseTypes = client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)
                ? values(List.of("code")) : new LinkedHashSet<>();
        row.redirectUris = values(client.getRedirectUris());
        row.postLogoutRedirectUris = values(client.getPostLogoutRedirectUris());
        row.scopes = values(client.getScopes());
        ClientSettings settings = client.getClientSettings();
        row.jwksUri = settings.getJwkSetUrl();
        row.jwks = settings.getSetting(InlineClientJwks.SETTING);
        row.tokenEndpointAuthSigningAlg = settings.getTokenEndpointAuthenticationSigningAlgorithm() == null
                ? null : settings.getTokenEndpointAuthenticationSigningAlgorithm().getName();
        SignatureAlgorithm idTokenAlgorithm = client.getTokenSettings().getIdTokenSignatureAlgorithm();
        row.idTokenSignedResponseAlg = (idTokenAlgorithm == null
                ? ClientTokenPolicy.DEFAULT_ID_TOKEN_ALGORITHM : idTokenAlgorithm).getName();
        row.backchannelLogoutUri = LogoutChannel.BACK.uriOf(client);
        row.backchannelLogoutSessionRequired = LogoutChannel.BACK.sessionRequired(client);
        row.frontchannelLogoutUri = LogoutChannel.FRONT.uriOf(client);
        row.frontchannelLogoutSessionRequired = LogoutChannel.FRONT.sessionRequired(client);
        row.requireConsent = settings.isRequireAuthorizationConsent();
        row.publicClient = client.getClientAuthenticationMethods().equals(Set.of(ClientAuthenticationMethod.NONE));
        row.updatedAt = now;
    }

    private static Set<String> values(Collection<String> values) {
        return new LinkedHashSet<>(values);
    }

    private static SignatureAlgorithm signatureAlgorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
        if (algorithm == null) {
            throw new IllegalStateException("stored id_token_signed_response_alg is not a signature algorithm");
        }
        return algorithm;
    }

    private static JwsAlgorithm jwsAlgorithm(String name) {
        SignatureAlgorithm signature = SignatureAlgorithm.from(name);
        if (signature != null) {
            return signature;
        }
        MacAlgorithm mac = MacAlgorithm.from(name);
        if (mac == null) {
            throw new IllegalStateException("stored token_endpoint_auth_signing_alg is not a JWS algorithm");
        }
        return mac;
    }
}
