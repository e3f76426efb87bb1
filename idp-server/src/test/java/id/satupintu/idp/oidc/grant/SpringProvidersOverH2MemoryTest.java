package id.satupintu.idp.oidc.grant;

import org.springframework.test.context.TestPropertySource;

/** Spring's providers over the quickstart's storage (H2 + memory). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:grants;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class SpringProvidersOverH2MemoryTest extends SpringProvidersOverHashedStorageContract {
}
