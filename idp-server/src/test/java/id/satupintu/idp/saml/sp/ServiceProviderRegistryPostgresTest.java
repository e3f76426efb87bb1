package id.satupintu.idp.saml.sp;

import id.satupintu.idp.testsupport.RealStores;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ServiceProviderRegistryContract} on real PostgreSQL (production). */
@SpringBootTest(properties = "satupintu.demo-data=false")
class ServiceProviderRegistryPostgresTest extends ServiceProviderRegistryContract {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }
}
