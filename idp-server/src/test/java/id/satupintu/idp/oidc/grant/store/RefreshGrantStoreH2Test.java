package id.satupintu.idp.oidc.grant.store;

import org.springframework.test.context.TestPropertySource;

/** The refresh-grant store on the quickstart's H2 (PostgreSQL mode). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:grants;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RefreshGrantStoreH2Test extends RefreshGrantStoreContract {
}
