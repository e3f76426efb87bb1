package id.satupintu.idp.citizen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.DuplicateNikException;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;

/** The {@link CitizenStore} contract on its one implementation, JPA, over real PostgreSQL. */
class JpaCitizenStoreTest extends CitizenWebTestSupport {

    @Autowired
    private CitizenStore citizens;

    @Test
    void findByIdWhenSavedThenEveryFieldComesBack() {
        Citizen citizen = TestCitizens.fresh("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        citizens.save(citizen);

        assertThat(citizens.findById(citizen.id())).get().usingRecursiveComparison().isEqualTo(citizen);
    }

    @Test
    void findByNikWhenSavedThenFound() {
        Citizen citizen = TestCitizens.fresh(null);
        citizens.save(citizen);

        assertThat(citizens.findByNik(citizen.nik())).get().extracting(Citizen::id).isEqualTo(citizen.id());
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertThat(citizens.findById(UUID.randomUUID())).isEmpty();
        assertThat(citizens.findByNik(TestCitizens.fresh(null).nik())).isEmpty();
    }

    @Test
    void saveWhenSameIdAgainThenUpdated() {
        Citizen citizen = TestCitizens.fresh(null);
        citizens.save(citizen);
        Instant later = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);

        citizens.save(citizen.withStatus(CitizenStatus.DISABLED, later));

        Citizen stored = citizens.findById(citizen.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CitizenStatus.DISABLED);
        assertThat(stored.updatedAt()).isEqualTo(later);
        assertThat(stored.createdAt()).isEqualTo(citizen.createdAt());
    }

    @Test
    void saveWhenNikHeldByAnotherAccountThenDuplicateNikWithMaskedNik() {
        Citizen first = TestCitizens.fresh(null);
        citizens.save(first);
        Citizen second = new Citizen(UUID.randomUUID(), first.nik(), "Orang Lain", first.birthDate(), first.sex(),
                first.address(), null, false, null, false, null, CitizenStatus.ACTIVE, first.createdAt(),
                first.updatedAt(), first.verification());

        assertThatThrownBy(() -> citizens.save(second)).isInstanceOf(DuplicateNikException.class)
                .hasMessageContaining(first.nik().masked()).hasMessageNotContaining(first.nik().value());
        assertThat(citizens.findById(second.id())).isEmpty();
    }
}
