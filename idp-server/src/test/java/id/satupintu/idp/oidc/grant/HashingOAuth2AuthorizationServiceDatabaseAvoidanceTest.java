package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hot paths stay off the database (DESIGN.md performance target): issuing a client_credentials token
 * and looking up an access token the ephemeral store holds cost no database call. Real PostgreSQL and
 * Redis, with the refresh-grant store wrapped to count calls.
 */
@SpringBootTest(classes = GrantStorageTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(HashingOAuth2AuthorizationServiceDatabaseAvoidanceTest.Counting.class)
class HashingOAuth2AuthorizationServiceDatabaseAvoidanceTest {

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countingRefreshGrantStore() {
            return CountingRefreshGrantStore.wrapping();
        }
    }

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    private HashingOAuth2AuthorizationService service;

    @Autowired
    private RefreshGrantStore refreshGrants;

    private CountingRefreshGrantStore counter;

    @BeforeEach
    void resetCounter() {
        counter = (CountingRefreshGrantStore) refreshGrants;
        counter.reset();
    }

    @Test
    void saveAndFindWhenClientCredentialsThenNoDatabaseCall() {
        OAuth2Authorization authorization = TestAuthorizations.clientCredentials(TestRegisteredClients.service());
        String accessToken = authorization.getAccessToken().getToken().getTokenValue();

        service.save(authorization);
        OAuth2Authorization introspected = service.findByToken(accessToken, null);
        OAuth2Authorization forUserinfo = service.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);

        assertThat(introspected).isNotNull();
        assertThat(forUserinfo).isNotNull();
        assertThat(counter.calls()).isZero();
    }

    @Test
    void findByTokenWhenRefreshGrantsAccessOrIdTokenInEphemeralStoreThenNoDatabaseCall() {
        OAuth2Authorization withCode = TestAuthorizations.withCode(TestRegisteredClients.relyingParty(),
                TestAuthorizations.citizen());
        service.save(withCode);
        OAuth2Authorization grant = TestAuthorizations.exchanged(service.findByToken(
                withCode.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue(),
                HashingOAuth2AuthorizationServiceContract.CODE));
        service.save(grant);
        assertThat(counter.calls()).as("only the exchange writes the grant").isEqualTo(1);
        counter.reset();

        assertThat(service.findByToken(grant.getToken(OAuth2AccessToken.class).getToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(service.findByToken(grant.getToken(OidcIdToken.class).getToken().getTokenValue(),
                HashingOAuth2AuthorizationServiceContract.ID_TOKEN)).isNotNull();

        assertThat(counter.calls()).isZero();
    }

    @Test
    void findByTokenWhenRefreshTokenThenAnsweredByDatabase() {
        OAuth2Authorization withCode = TestAuthorizations.withCode(TestRegisteredClients.relyingParty(),
                TestAuthorizations.citizen());
        service.save(withCode);
        OAuth2Authorization grant = TestAuthorizations.exchanged(withCode);
        service.save(grant);
        counter.reset();

        assertThat(service.findByToken(grant.getToken(OAuth2RefreshToken.class).getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN)).isNotNull();

        assertThat(counter.calls()).isEqualTo(1);
    }
}
