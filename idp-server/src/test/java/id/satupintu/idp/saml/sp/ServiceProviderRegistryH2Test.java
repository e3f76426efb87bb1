package id.satupintu.idp.saml.sp;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ServiceProviderRegistryContract} on H2 in PostgreSQL mode (the quickstart's database). */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:saml-sp-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class ServiceProviderRegistryH2Test extends ServiceProviderRegistryContract {
}
