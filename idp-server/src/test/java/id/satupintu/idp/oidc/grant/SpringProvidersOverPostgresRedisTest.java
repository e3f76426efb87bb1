package id.satupintu.idp.oidc.grant;

import id.satupintu.idp.testsupport.RealStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Spring's providers over production storage (real PostgreSQL + Redis). */
class SpringProvidersOverPostgresRedisTest extends SpringProvidersOverHashedStorageContract {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }
}
