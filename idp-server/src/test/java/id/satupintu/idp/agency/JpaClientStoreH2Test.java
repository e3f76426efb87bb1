package id.satupintu.idp.agency;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ClientStoreContract} on H2 in PostgreSQL mode (the quickstart's database). */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class JpaClientStoreH2Test extends ClientStoreContract {
}
