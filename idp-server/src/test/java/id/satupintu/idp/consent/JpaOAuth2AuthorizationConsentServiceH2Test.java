package id.satupintu.idp.consent;

import org.springframework.test.context.TestPropertySource;

/** Consents on the quickstart's H2 (PostgreSQL mode). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:grants;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class JpaOAuth2AuthorizationConsentServiceH2Test extends JpaOAuth2AuthorizationConsentServiceContract {
}
