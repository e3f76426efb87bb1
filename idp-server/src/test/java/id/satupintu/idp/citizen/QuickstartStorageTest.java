package id.satupintu.idp.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import id.satupintu.idp.citizen.login.LoginAttemptStore;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.citizen.store.memory.MemoryLoginAttemptStore;
import id.satupintu.idp.registry.Nik;

/**
 * The quickstart's storage: the V2 migration and the entity mapping on H2 in PostgreSQL mode, and
 * the in-memory login-attempt store when no Redis is configured.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:citizen-quickstart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "satupintu.demo-data=true",
        "satupintu.data-dir=${java.io.tmpdir}/satupintu-citizen-quickstart-test"})
@Import(TestRegisteredClients.class)
class QuickstartStorageTest {

    @Autowired
    private CitizenStore citizens;
    @Autowired
    private LoginAttemptStore attempts;

    @Test
    void startupWhenNoRedisConfiguredThenMemoryLoginAttempts() {
        assertThat(attempts).isInstanceOf(MemoryLoginAttemptStore.class);
    }

    @Test
    void startupWhenH2ThenDemoCitizensSeededAndReadable() {
        assertThat(citizens.findByNik(Nik.parse("3171016502900001"))).get()
                .extracting(Citizen::fullName).isEqualTo("SITI RAHAYU");
    }
}
