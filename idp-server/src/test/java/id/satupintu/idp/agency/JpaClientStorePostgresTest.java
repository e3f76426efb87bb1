package id.satupintu.idp.agency;

import id.satupintu.idp.testsupport.RealStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ClientStoreContract} on real PostgreSQL (production). */
@SpringBootTest(properties = "satupintu.demo-data=false")
class JpaClientStorePostgresTest extends ClientStoreContract {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }
}
