package id.satupintu.idp.oidc.grant;

import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Authorizations at each step of the code flow, built the way Spring's providers build them
 * (a {@link CitizenAuthenticationToken} principal, the authorization request, token claims metadata).
 * Every token value is fresh and random, so tests can search stored bytes for it.
 */
public final class TestAuthorizations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestAuthorizations() {
    }

    public static CitizenAuthenticationToken citizen() {
        return new CitizenAuthenticationToken(new AuthenticatedCitizen(UUID.randomUUID(), Instant.now(),
                LevelOfAssurance.LOA2.uri(), List.of("pwd")));
    }

    /** An authorization request awaiting consent: holds a consent state, no token. */
    public static OAuth2Authorization awaitingConsent(RegisteredClient client, CitizenAuthenticationToken citizen) {
        return codeFlowBase(client, citizen).attribute(OAuth2ParameterNames.STATE, randomValue()).build();
    }

    /** A code issued after consent, valid for {@code lifetime}. */
    public static OAuth2Authorization withCode(RegisteredClient client, CitizenAuthenticationToken citizen,
                                               Duration lifetime) {
        Instant now = Instant.now();
        return codeFlowBase(client, citizen)
                .authorizedScopes(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE))
                .token(new OAuth2AuthorizationCode(randomValue(), now, now.plus(lifetime)))
                .build();
    }

    public static OAuth2Authorization withCode(RegisteredClient client, CitizenAuthenticationToken citizen) {
        return withCode(client, citizen, Duration.ofMinutes(5));
    }

    /** The code exchanged (RFC 6749 §4.1.3): access, refresh and ID token issued, the code invalidated. */
    public static OAuth2Authorization exchanged(OAuth2Authorization withCode) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(withCode);
        issueTokens(builder, withCode, true);
        OAuth2AuthorizationCode code = withCode.getToken(OAuth2AuthorizationCode.class).getToken();
        return builder.invalidate(code).build();
    }

    /** The code exchanged by a public client: access and ID token, no refresh token. */
    public static OAuth2Authorization exchangedWithoutRefresh(OAuth2Authorization withCode) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(withCode);
        issueTokens(builder, withCode, false);
        OAuth2AuthorizationCode code = withCode.getToken(OAuth2AuthorizationCode.class).getToken();
        return builder.invalidate(code).build();
    }

    /** A refresh with rotation (reuseRefreshTokens=false): new access, refresh and ID token. */
    public static OAuth2Authorization refreshed(OAuth2Authorization grant) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(grant);
        issueTokens(builder, grant, true);
        return builder.build();
    }

    /** A client_credentials authorization: one access token, the client as principal. */
    public static OAuth2Authorization clientCredentials(RegisteredClient client) {
        Instant now = Instant.now();
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, randomValue(), now,
                now.plus(Duration.ofMinutes(5)), client.getScopes());
        return OAuth2Authorization.withRegisteredClient(client)
                .principalName(client.getClientId())
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .authorizedScopes(client.getScopes())
                .token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                        Map.of("sub", client.getClientId(), "scope", List.copyOf(client.getScopes()))))
                .build();
    }

    public static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OAuth2Authorization.Builder codeFlowBase(RegisteredClient client, CitizenAuthenticationToken citizen) {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("https://idp.example.go.id/oauth2/authorize")
                .clientId(client.getClientId())
                .redirectUri(client.getRedirectUris().iterator().next())
                .scopes(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE))
                .state(randomValue())
                .additionalParameters(Map.of("code_challenge", randomValue(), "code_challenge_method", "S256",
                        "nonce", randomValue()))
                .build();
        return OAuth2Authorization.withRegisteredClient(client)
                .principalName(citizen.getName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .attribute(Principal.class.getName(), citizen);
    }

    private static void issueTokens(OAuth2Authorization.Builder builder, OAuth2Authorization from, boolean refresh) {
        Instant now = Instant.now();
        Instant accessExpiry = now.plus(Duration.ofMinutes(5));
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, randomValue(), now,
                accessExpiry, from.getAuthorizedScopes());
        builder.token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                Map.of("sub", from.getPrincipalName(), "scope", List.copyOf(from.getAuthorizedScopes()))));
        if (refresh) {
            builder.refreshToken(new OAuth2RefreshToken(randomValue(), now, now.plus(Duration.ofDays(1))));
        }
        Map<String, Object> idClaims = Map.of("iss", "https://idp.example.go.id", "sub", "pairwise-" + randomValue(),
                "aud", List.of("rp"), "iat", now, "exp", accessExpiry, "sid", randomValue());
        // an ID token value looks like a JWS (header.payload.signature)
        OidcIdToken idToken = new OidcIdToken("eyJ" + randomValue() + "." + randomValue() + "." + randomValue(), now,
                accessExpiry, idClaims);
        builder.token(idToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idClaims));
    }
}
