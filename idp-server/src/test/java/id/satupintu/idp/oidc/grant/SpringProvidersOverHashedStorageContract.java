package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Spring's own authentication providers (authorization, token, refresh, introspection, revocation,
 * userinfo, RP-initiated logout, client_credentials) driven against the hashed storage, to prove every
 * flow works with authorizations that hold only one presented value and placeholders.
 */
@SpringBootTest(classes = GrantStorageTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class SpringProvidersOverHashedStorageContract {

    private static final String ISSUER = "https://idp.example.go.id";
    private static final RSAKey SIGNING_KEY = signingKey();

    @Autowired
    private HashingOAuth2AuthorizationService authorizationService;

    @Autowired
    private OAuth2AuthorizationConsentService consentService;

    private final RegisteredClient relyingParty = TestRegisteredClients.relyingParty();
    private final RegisteredClient service = TestRegisteredClients.service();
    private final InMemoryRegisteredClientRepository clients = new InMemoryRegisteredClientRepository(relyingParty, service);
    private final CitizenAuthenticationToken citizen = TestAuthorizations.citizen();
    private final OAuth2ClientAuthenticationToken relyingPartyAuthenticated = new OAuth2ClientAuthenticationToken(
            relyingParty, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");
    private OAuth2TokenGenerator<?> tokenGenerator;

    @BeforeEach
    void setUpAuthorizationServerContext() {
        AuthorizationServerSettings settings = AuthorizationServerSettings.builder().issuer(ISSUER).build();
        AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return ISSUER;
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        });
        JwtGenerator jwtGenerator = new JwtGenerator(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(SIGNING_KEY))));
        tokenGenerator = new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2AccessTokenGenerator(),
                new OAuth2RefreshTokenGenerator());
    }

    @AfterEach
    void clearAuthorizationServerContext() {
        AuthorizationServerContextHolder.resetContext();
    }

    @Test
    void codeFlowWhenDrivenBySpringProvidersThenUserinfoIntrospectionAndLogoutWork() {
        OAuth2AccessTokenAuthenticationToken tokens = exchange(authorize());
        String accessToken = tokens.getAccessToken().getTokenValue();
        String idToken = (String) tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);

        assertThat(introspect(accessToken)).isTrue();
        assertThat(introspect(tokens.getRefreshToken().getTokenValue())).isTrue();
        OidcUserInfoAuthenticationToken userInfo = (OidcUserInfoAuthenticationToken) new OidcUserInfoAuthenticationProvider(
                authorizationService).authenticate(new OidcUserInfoAuthenticationToken(bearer(accessToken)));
        assertThat(userInfo.getUserInfo().getSubject()).isEqualTo(citizen.getName());
        OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) new OidcLogoutAuthenticationProvider(
                clients, authorizationService, new SessionRegistryImpl()).authenticate(
                new OidcLogoutAuthenticationToken(idToken, anonymous(), null, relyingParty.getClientId(), null, null));
        assertThat(logout.getIdToken().getTokenValue()).isEqualTo(idToken);
    }

    @Test
    void refreshWhenRotatedThenNewTokensWorkAndReplayRevokesWholeGrant() {
        OAuth2AccessTokenAuthenticationToken first = exchange(authorize());
        String firstRefresh = first.getRefreshToken().getTokenValue();

        OAuth2AccessTokenAuthenticationToken second = refresh(firstRefresh);
        String secondRefresh = second.getRefreshToken().getTokenValue();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(introspect(second.getAccessToken().getTokenValue())).isTrue();

        assertThatThrownBy(() -> refresh(firstRefresh)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                e -> assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT));
        assertThat(introspect(second.getAccessToken().getTokenValue())).isFalse();
        assertThatThrownBy(() -> refresh(secondRefresh)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                e -> assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT));
    }

    @Test
    void tokenRequestWhenCodeReusedThenInvalidGrantAndTokensFromItRevoked() {
        String code = authorize();
        OAuth2AccessTokenAuthenticationToken tokens = exchange(code);

        assertThatThrownBy(() -> exchange(code)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                e -> assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT));

        assertThat(introspect(tokens.getAccessToken().getTokenValue())).isFalse();
        assertThatThrownBy(() -> refresh(tokens.getRefreshToken().getTokenValue()))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void revocationWhenAccessTokenRevokedThenIntrospectionInactiveAndUserinfoRefused() {
        OAuth2AccessTokenAuthenticationToken tokens = exchange(authorize());
        String accessToken = tokens.getAccessToken().getTokenValue();

        new OAuth2TokenRevocationAuthenticationProvider(authorizationService)
                .authenticate(new OAuth2TokenRevocationAuthenticationToken(accessToken, relyingPartyAuthenticated, null));

        assertThat(introspect(accessToken)).isFalse();
        assertThatThrownBy(() -> new OidcUserInfoAuthenticationProvider(authorizationService)
                .authenticate(new OidcUserInfoAuthenticationToken(bearer(accessToken))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN));
    }

    @Test
    void revocationWhenRefreshTokenRevokedThenRefreshRefused() {
        OAuth2AccessTokenAuthenticationToken tokens = exchange(authorize());
        String refreshToken = tokens.getRefreshToken().getTokenValue();

        new OAuth2TokenRevocationAuthenticationProvider(authorizationService)
                .authenticate(new OAuth2TokenRevocationAuthenticationToken(refreshToken, relyingPartyAuthenticated, null));

        assertThatThrownBy(() -> refresh(refreshToken)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                e -> assertThat(e.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT));
        assertThat(introspect(tokens.getAccessToken().getTokenValue())).isFalse();
    }

    @Test
    void clientCredentialsWhenIssuedThenIntrospectedActive() {
        OAuth2ClientAuthenticationToken serviceAuthenticated = new OAuth2ClientAuthenticationToken(service,
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");

        OAuth2AccessTokenAuthenticationToken issued = (OAuth2AccessTokenAuthenticationToken)
                new OAuth2ClientCredentialsAuthenticationProvider(authorizationService, tokenGenerator)
                        .authenticate(new OAuth2ClientCredentialsAuthenticationToken(serviceAuthenticated,
                                Set.of("registry.read"), null));

        OAuth2TokenIntrospectionAuthenticationToken introspection = (OAuth2TokenIntrospectionAuthenticationToken)
                new OAuth2TokenIntrospectionAuthenticationProvider(clients, authorizationService).authenticate(
                        new OAuth2TokenIntrospectionAuthenticationToken(issued.getAccessToken().getTokenValue(),
                                serviceAuthenticated, null, null));
        assertThat(introspection.getTokenClaims().isActive()).isTrue();
        assertThat(introspection.getTokenClaims().getClientId()).isEqualTo(service.getClientId());
    }

    @Test
    void introspectionWhenTokenUnknownThenInactive() {
        assertThat(introspect(TestAuthorizations.randomValue())).isFalse();
    }

    // ---- the flow's steps, each through Spring's provider ----

    private String authorize() {
        String verifier = TestAuthorizations.randomValue();
        OAuth2AuthorizationCodeRequestAuthenticationToken request = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                ISSUER + "/oauth2/authorize", relyingParty.getClientId(), citizen,
                relyingParty.getRedirectUris().iterator().next(), TestAuthorizations.randomValue(),
                Set.of(OidcScopes.OPENID, OidcScopes.PROFILE),
                Map.of("code_challenge", s256(verifier), "code_challenge_method", "S256",
                        "nonce", TestAuthorizations.randomValue()));
        OAuth2AuthorizationCodeRequestAuthenticationToken result = (OAuth2AuthorizationCodeRequestAuthenticationToken)
                new OAuth2AuthorizationCodeRequestAuthenticationProvider(clients, authorizationService, consentService)
                        .authenticate(request);
        return result.getAuthorizationCode().getTokenValue();
    }

    private OAuth2AccessTokenAuthenticationToken exchange(String code) {
        return (OAuth2AccessTokenAuthenticationToken) new OAuth2AuthorizationCodeAuthenticationProvider(
                authorizationService, tokenGenerator).authenticate(new OAuth2AuthorizationCodeAuthenticationToken(
                code, relyingPartyAuthenticated, relyingParty.getRedirectUris().iterator().next(), null));
    }

    private OAuth2AccessTokenAuthenticationToken refresh(String refreshToken) {
        return (OAuth2AccessTokenAuthenticationToken) new OAuth2RefreshTokenAuthenticationProvider(
                authorizationService, tokenGenerator).authenticate(
                new OAuth2RefreshTokenAuthenticationToken(refreshToken, relyingPartyAuthenticated, null, null));
    }

    private boolean introspect(String token) {
        OAuth2TokenIntrospectionAuthenticationToken result = (OAuth2TokenIntrospectionAuthenticationToken)
                new OAuth2TokenIntrospectionAuthenticationProvider(clients, authorizationService).authenticate(
                        new OAuth2TokenIntrospectionAuthenticationToken(token, relyingPartyAuthenticated, null, null));
        return result.getTokenClaims().isActive();
    }

    private static JwtAuthenticationToken bearer(String accessToken) {
        Jwt jwt = Jwt.withTokenValue(accessToken).header("alg", "RS256").claim("sub", "any")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        return new JwtAuthenticationToken(jwt, List.of());
    }

    private static AnonymousAuthenticationToken anonymous() {
        return new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey signingKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
