package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

import id.satupintu.idp.session.CitizenAuthenticationToken;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class AuthorizationHasherTest {

    private final AuthorizationHasher hasher = new AuthorizationHasher();

    @Test
    void hashWhenGrantThenEveryValueReplacedAndMetadataKept() {
        OAuth2Authorization grant = TestAuthorizations.exchanged(
                TestAuthorizations.withCode(TestRegisteredClients.relyingParty(), TestAuthorizations.citizen()));

        HashedAuthorization hashed = hasher.hash(grant);

        for (var tokenClass : java.util.List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class,
                OAuth2AuthorizationCode.class)) {
            String value = grant.getToken(tokenClass).getToken().getTokenValue();
            OAuth2Authorization.Token<?> stored = hashed.authorization().getToken(tokenClass);
            assertThat(stored.getToken().getTokenValue()).isEqualTo(TokenHash.of(value).placeholder());
            assertThat(stored.getMetadata()).isEqualTo(grant.getToken(tokenClass).getMetadata());
            assertThat(stored.getToken().getExpiresAt()).isEqualTo(grant.getToken(tokenClass).getToken().getExpiresAt());
        }
        assertThat(hashed.authorization().getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        assertThat(hashed.isRefreshGrant()).isTrue();
        assertThat(hashed.ephemeralIndex()).hasSize(3)
                .doesNotContain(TokenHash.of(grant.getRefreshToken().getToken().getTokenValue()));
    }

    @Test
    void hashWhenAlreadyHashedThenUnchanged() {
        OAuth2Authorization grant = TestAuthorizations.exchanged(
                TestAuthorizations.withCode(TestRegisteredClients.relyingParty(), TestAuthorizations.citizen()));
        HashedAuthorization once = hasher.hash(grant);

        HashedAuthorization twice = hasher.hash(once.authorization());

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void hashWhenConsentStateThenStateReplacedAndLifetimeIsInFlight() {
        OAuth2Authorization awaiting = TestAuthorizations.awaitingConsent(TestRegisteredClients.relyingParty(),
                TestAuthorizations.citizen());
        String state = awaiting.getAttribute(OAuth2ParameterNames.STATE);

        HashedAuthorization hashed = hasher.hash(awaiting);

        assertThat((String) hashed.authorization().getAttribute(OAuth2ParameterNames.STATE))
                .isEqualTo(TokenHash.of(state).placeholder());
        assertThat(hashed.kindOf(TokenHash.of(state))).contains(GrantTokenKind.STATE);
        assertThat(hashed.isRefreshGrant()).isFalse();
        assertThat(hashed.ephemeralLifetime(Instant.now(), Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void hashWhenCitizenPrincipalCarriesSessionDetailsThenDetailsDropped() {
        CitizenAuthenticationToken citizen = TestAuthorizations.citizen();
        String sessionId = TestAuthorizations.randomValue();
        citizen.setDetails(new WebAuthenticationDetails("203.0.113.7", sessionId));
        OAuth2Authorization withCode = TestAuthorizations.withCode(TestRegisteredClients.relyingParty(), citizen);

        HashedAuthorization hashed = hasher.hash(withCode);

        CitizenAuthenticationToken stored = hashed.authorization().getAttribute(Principal.class.getName());
        assertThat(stored.getDetails()).isNull();
        assertThat(stored.getPrincipal()).isEqualTo(citizen.getPrincipal());
        assertThat(stored.isAuthenticated()).isTrue();
        assertThat(new String(new AuthorizationSerializer().serialize(hashed.authorization()),
                java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(sessionId);
    }

    @Test
    void ephemeralLifetimeWhenCodeAndTokensThenLastNonRefreshExpiry() {
        OAuth2Authorization withCode = TestAuthorizations.withCode(TestRegisteredClients.relyingParty(),
                TestAuthorizations.citizen(), Duration.ofMinutes(1));
        OAuth2Authorization grant = TestAuthorizations.exchanged(withCode);
        Instant now = Instant.now();

        Duration lifetime = hasher.hash(grant).ephemeralLifetime(now, Duration.ofMinutes(10));

        // access token (5 min) outlives the code (1 min); the refresh token (1 day) does not count
        assertThat(lifetime).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
    }

    @Test
    void ephemeralLifetimeWhenEverythingExpiredThenZero() {
        OAuth2Authorization withCode = TestAuthorizations.withCode(TestRegisteredClients.relyingParty(),
                TestAuthorizations.citizen(), Duration.ofMinutes(1));

        Duration lifetime = hasher.hash(withCode).ephemeralLifetime(Instant.now().plus(Duration.ofHours(1)),
                Duration.ofMinutes(10));

        assertThat(lifetime).isZero();
    }
}
