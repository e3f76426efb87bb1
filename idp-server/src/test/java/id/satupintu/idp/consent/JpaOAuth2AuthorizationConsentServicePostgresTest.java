package id.satupintu.idp.consent;

import id.satupintu.idp.testsupport.RealStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Consents on real PostgreSQL. */
class JpaOAuth2AuthorizationConsentServicePostgresTest extends JpaOAuth2AuthorizationConsentServiceContract {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }
}
