package id.satupintu.idp.citizen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.satupintu.idp.citizen.Address;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.citizen.registrysync.TestRegistryRecords;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.RegistryRecord;

/** {@link CitizenStore#updateFromRegistry}: the conditional write that keeps registry changes monotonic, on PostgreSQL. */
class JpaCitizenStoreRegistryUpdateTest extends CitizenWebTestSupport {

    @Autowired
    private CitizenStore citizens;

    private final Instant later = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);

    private Citizen saved(RegistryRecord record) {
        Citizen citizen = TestRegistryRecords.accountOf(record, null);
        citizens.save(new Citizen(citizen.id(), citizen.nik(), citizen.fullName(), citizen.birthDate(), citizen.sex(),
                citizen.address(), "agung@example.id", true, "+6281200000099", true, "$argon2id$stored",
                citizen.status(), citizen.createdAt(), citizen.updatedAt(), citizen.verification()));
        return citizens.findById(citizen.id()).orElseThrow();
    }

    @Test
    void updateFromRegistryWhenNewerVersionThenRegistryFieldsWrittenAndContactsKept() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen stored = saved(record);
        RegistryRecord moved = record.withAddress(TestRegistryRecords.surabaya(), 2, later)
                .withFamily("3578010207180099", MaritalStatus.MARRIED, 3, later)
                .withFullName("AGUNG PRASETYO WIBOWO", 4, later);

        boolean applied = citizens.updateFromRegistry(stored.withRegistryRecord(moved, later));

        Citizen after = citizens.findById(stored.id()).orElseThrow();
        assertThat(applied).isTrue();
        assertThat(after.fullName()).isEqualTo("AGUNG PRASETYO WIBOWO");
        assertThat(after.address()).isEqualTo(Address.from(TestRegistryRecords.surabaya()));
        assertThat(after.verification().familyCardNumber()).isEqualTo("3578010207180099");
        assertThat(after.verification().registryVersion()).isEqualTo(4);
        assertThat(after.verification().verifiedAt()).isEqualTo(later);
        assertThat(after.updatedAt()).isEqualTo(later);
        assertThat(after.status()).isEqualTo(CitizenStatus.ACTIVE);
        assertThat(after.email()).isEqualTo("agung@example.id");
        assertThat(after.phoneNumber()).isEqualTo("+6281200000099");
        assertThat(after.passwordHash()).isEqualTo("$argon2id$stored");
        assertThat(after.createdAt()).isEqualTo(stored.createdAt());
    }

    @Test
    void updateFromRegistryWhenSameVersionAgainThenNothingWritten() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen stored = saved(record);
        Citizen renamed = stored.withRegistryRecord(record.withFullName("AGUNG P", 2, later), later);
        citizens.updateFromRegistry(renamed);

        boolean appliedAgain = citizens.updateFromRegistry(
                stored.withRegistryRecord(record.withFullName("SOMETHING ELSE", 2, later), later));

        assertThat(appliedAgain).isFalse();
        assertThat(citizens.findById(stored.id()).orElseThrow().fullName()).isEqualTo("AGUNG P");
    }

    @Test
    void updateFromRegistryWhenOlderVersionAfterNewerThenNoRegression() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen stored = saved(record);
        citizens.updateFromRegistry(stored.withRegistryRecord(record.withFullName("NEWEST NAME", 5, later), later));

        boolean olderApplied = citizens.updateFromRegistry(
                stored.withRegistryRecord(record.withFullName("OLDER NAME", 3, later), later));

        Citizen after = citizens.findById(stored.id()).orElseThrow();
        assertThat(olderApplied).isFalse();
        assertThat(after.fullName()).isEqualTo("NEWEST NAME");
        assertThat(after.verification().registryVersion()).isEqualTo(5);
    }

    @Test
    void updateFromRegistryWhenRecordDeceasedThenAccountDeceased() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen stored = saved(record);

        citizens.updateFromRegistry(stored.withRegistryRecord(record.withDeath(LocalDate.of(2026, 11, 1), 2, later), later));

        assertThat(citizens.findById(stored.id()).orElseThrow().status()).isEqualTo(CitizenStatus.DECEASED);
    }

    @Test
    void updateFromRegistryWhenAdministratorDisabledMeanwhileThenStatusNotOverwritten() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen stored = saved(record);
        Citizen readBeforeDisable = stored;
        citizens.save(stored.withStatus(CitizenStatus.DISABLED, later));

        citizens.updateFromRegistry(readBeforeDisable.withRegistryRecord(record.withFullName("NEW NAME", 2, later), later));

        Citizen after = citizens.findById(stored.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CitizenStatus.DISABLED);
        assertThat(after.fullName()).isEqualTo("NEW NAME");
    }

    @Test
    void updateFromRegistryWhenAccountUnknownThenFalse() {
        Citizen neverSaved = TestRegistryRecords.accountOf(TestRegistryRecords.fresh(), null);

        assertThat(citizens.updateFromRegistry(new Citizen(UUID.randomUUID(), neverSaved.nik(), "X", neverSaved.birthDate(),
                neverSaved.sex(), null, null, false, null, false, null, CitizenStatus.ACTIVE, later, later,
                neverSaved.verification()))).isFalse();
    }
}
