package id.satupintu.idp.oidc.grant.store;

import id.satupintu.idp.testsupport.RealStores;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The refresh-grant store on real PostgreSQL. */
class RefreshGrantStorePostgresTest extends RefreshGrantStoreContract {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }
}
