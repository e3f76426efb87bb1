package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import id.satupintu.idp.oidc.grant.store.memory.MemoryEphemeralAuthorizationStore;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The authorization service on the quickstart's storage: H2 (PostgreSQL mode) and in-memory stores. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:grants;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class HashingOAuth2AuthorizationServiceH2MemoryTest extends HashingOAuth2AuthorizationServiceContract {

    @Override
    protected List<byte[]> rawEphemeralValues(String authorizationId) {
        List<byte[]> raw = new ArrayList<>();
        ephemeral.findById(authorizationId).ifPresent(raw::add);
        return raw;
    }

    @Test
    void ephemeralStoreWhenNoRedisConfiguredThenMemoryAndDatabaseIsH2() throws Exception {
        assertThat(ephemeral).isInstanceOf(MemoryEphemeralAuthorizationStore.class);
        try (var connection = jdbc.getDataSource().getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
    }
}
