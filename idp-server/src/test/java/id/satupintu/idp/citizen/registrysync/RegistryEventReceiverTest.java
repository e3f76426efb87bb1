package id.satupintu.idp.citizen.registrysync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.session.SsoSessions;

/**
 * The receiver's decisions and failure paths with storage it can make fail; the end-to-end tests
 * ({@code RegistryEventsEndToEndTest}) run the same through the real server.
 */
class RegistryEventReceiverTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    private static final LocalDate DIED = LocalDate.of(2026, 11, 27);

    private final FakeCitizens citizens = new FakeCitizens();
    private final FakeSessions sessions = new FakeSessions();
    private final FakeGrants grants = new FakeGrants();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RegistryEventReceiver receiver = new RegistryEventReceiver(
            new RegistryChangeApplier(citizens, new AccessTermination(sessions, grants, new ListAuditLog(audit)),
                    Clock.fixed(NOW, ZoneOffset.UTC)), meters);

    private Citizen account(RegistryRecord record) {
        Citizen citizen = TestRegistryRecords.accountOf(record, "$argon2id$hash");
        citizens.save(citizen);
        return citizen;
    }

    private static RegistryEvent event(RegistryEventType type, RegistryRecord record) {
        return new RegistryEvent(UUID.randomUUID().toString(), type, record, NOW);
    }

    private double count(String type, String outcome) {
        var counter = meters.find(RegistryEventReceiver.METRIC).tag("type", type).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void onEventWhenNameChangedThenAccountRenamedAndCountedApplied() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);

        receiver.onEvent(event(RegistryEventType.NAME_CHANGE, record.withFullName("AGUNG WIBOWO", 2, NOW)));

        Citizen stored = citizens.findById(citizen.id()).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("AGUNG WIBOWO");
        assertThat(stored.verification().registryVersion()).isEqualTo(2);
        assertThat(count("name_change", "applied")).isEqualTo(1);
        assertThat(sessions.ended).isEmpty();
        assertThat(grants.revoked).isEmpty();
    }

    @Test
    void onEventWhenFamilyChangedThenStoredFamilyCardUpdated() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);

        receiver.onEvent(event(RegistryEventType.FAMILY_CHANGE,
                record.withFamily("3273012006100123", MaritalStatus.MARRIED, 2, NOW)));

        assertThat(citizens.findById(citizen.id()).orElseThrow().verification().familyCardNumber())
                .isEqualTo("3273012006100123");
    }

    @Test
    void onEventWhenDeathThenDeceasedSessionsEndedGrantsRevokedAndAudited() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        sessions.live.put(citizen.id().toString(), 2);
        RegistryEvent death = event(RegistryEventType.DEATH, record.withDeath(DIED, 2, NOW));

        receiver.onEvent(death);

        assertThat(citizens.findById(citizen.id()).orElseThrow().status()).isEqualTo(CitizenStatus.DECEASED);
        assertThat(sessions.ended).containsExactly(citizen.id().toString());
        assertThat(grants.revoked).containsExactly(citizen.id().toString());
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("registry.death_applied");
            assertThat(e.citizenId()).isEqualTo(citizen.id());
            assertThat(e.detail()).containsEntry("nik", citizen.nik().masked()).containsEntry("sessions_ended", "2")
                    .containsEntry("delivery", "first");
            assertThat(e.detail().toString()).doesNotContain(citizen.nik().value());
        });
        assertThat(count("death", "death_applied")).isEqualTo(1);
    }

    @Test
    void onEventWhenSameDeathDeliveredTwiceThenSecondEndsNothingMoreAndWritesNoAudit() {
        RegistryRecord record = TestRegistryRecords.fresh();
        account(record);
        RegistryEvent death = event(RegistryEventType.DEATH, record.withDeath(DIED, 2, NOW));
        receiver.onEvent(death);

        receiver.onEvent(death);

        assertThat(audit).hasSize(1);
        assertThat(count("death", "stale")).isEqualTo(1);
    }

    @Test
    void onEventWhenOlderNameChangeAfterNewerThenNoRegressionAndCountedStale() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        RegistryEvent older = event(RegistryEventType.NAME_CHANGE, record.withFullName("OLDER NAME", 2, NOW));
        RegistryEvent newer = event(RegistryEventType.NAME_CHANGE, record.withFullName("NEWER NAME", 3, NOW));

        receiver.onEvent(newer);
        receiver.onEvent(older);

        assertThat(citizens.findById(citizen.id()).orElseThrow().fullName()).isEqualTo("NEWER NAME");
        assertThat(count("name_change", "stale")).isEqualTo(1);
    }

    @Test
    void onEventWhenNameChangeOlderThanDeathArrivesLateThenStillDeceased() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        RegistryRecord renamed = record.withFullName("RENAMED", 2, NOW);
        receiver.onEvent(event(RegistryEventType.DEATH, renamed.withDeath(DIED, 3, NOW)));

        receiver.onEvent(event(RegistryEventType.NAME_CHANGE, renamed));

        Citizen stored = citizens.findById(citizen.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CitizenStatus.DECEASED);
        assertThat(stored.verification().registryVersion()).isEqualTo(3);
    }

    @Test
    void onEventWhenNewerRecordForAlreadyDeceasedAccountThenDataUpdatedButNothingEndedAgain() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        RegistryRecord dead = record.withDeath(DIED, 2, NOW);
        receiver.onEvent(event(RegistryEventType.DEATH, dead));

        receiver.onEvent(event(RegistryEventType.DEATH, dead.withDeath(DIED.minusDays(1), 3, NOW)));

        assertThat(citizens.findById(citizen.id()).orElseThrow().verification().registryVersion()).isEqualTo(3);
        assertThat(grants.revoked).hasSize(1);
        assertThat(audit).hasSize(1);
        assertThat(count("death", "applied")).isEqualTo(1);
    }

    @Test
    void onEventWhenNoAccountForNikThenIgnoredAndCounted() {
        RegistryRecord stranger = TestRegistryRecords.fresh();

        receiver.onEvent(event(RegistryEventType.DEATH, stranger.withDeath(DIED, 2, NOW)));

        assertThat(citizens.byId).isEmpty();
        assertThat(grants.revoked).isEmpty();
        assertThat(audit).isEmpty();
        assertThat(count("death", "no_account")).isEqualTo(1);
    }

    @Test
    void onEventWhenDatabaseDownThenRethrownForRedeliveryAndCountedFailed() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        citizens.down = true;

        assertThatThrownBy(() -> receiver.onEvent(event(RegistryEventType.NAME_CHANGE, record.withFullName("X", 2, NOW))))
                .isInstanceOf(IllegalStateException.class);

        citizens.down = false;
        assertThat(citizens.findById(citizen.id()).orElseThrow().fullName()).isEqualTo(record.fullName());
        assertThat(count("name_change", "failed")).isEqualTo(1);
    }

    @Test
    void onEventWhenRevocationFailsAfterDeathStoredThenRethrownAndRedeliveryCompletesTermination() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        sessions.live.put(citizen.id().toString(), 1);
        grants.down = true;
        RegistryEvent death = event(RegistryEventType.DEATH, record.withDeath(DIED, 2, NOW));

        assertThatThrownBy(() -> receiver.onEvent(death)).isInstanceOf(IllegalStateException.class);
        assertThat(citizens.findById(citizen.id()).orElseThrow().status())
                .as("deceased before anything is ended: sign-in and token requests are refused meanwhile")
                .isEqualTo(CitizenStatus.DECEASED);
        assertThat(audit).isEmpty();

        grants.down = false;
        receiver.onEvent(death);

        assertThat(grants.revoked).containsExactly(citizen.id().toString());
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.detail())
                .containsEntry("delivery", "repeated").containsEntry("grants_revoked", "1"));
        assertThat(count("death", "failed")).isEqualTo(1);
        assertThat(count("death", "stale")).isEqualTo(1);
    }

    @Test
    void onEventWhenSessionEndingFailsThenRethrown() {
        RegistryRecord record = TestRegistryRecords.fresh();
        account(record);
        sessions.down = true;

        assertThatThrownBy(() -> receiver.onEvent(event(RegistryEventType.DEATH, record.withDeath(DIED, 2, NOW))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("death", "failed")).isEqualTo(1);
    }

    @Test
    void onEventWhenAnotherNodeStoredTheVersionBetweenReadAndWriteThenStaleAndNothingEnded() {
        RegistryRecord record = TestRegistryRecords.fresh();
        Citizen citizen = account(record);
        RegistryRecord dead = record.withDeath(DIED, 2, NOW);
        citizens.beforeUpdate = () -> citizens.byId.put(citizen.id(), citizen.withRegistryRecord(dead, NOW));

        receiver.onEvent(event(RegistryEventType.DEATH, dead));

        assertThat(grants.revoked).as("the node that stored the death ends access").isEmpty();
        assertThat(count("death", "stale")).isEqualTo(1);
    }

    /** The store contract's conditional write, in memory, with a switch to fail like a database that is down. */
    private static final class FakeCitizens implements CitizenStore {
        final Map<UUID, Citizen> byId = new ConcurrentHashMap<>();
        boolean down;
        Runnable beforeUpdate = () -> { };

        @Override
        public Optional<Citizen> findById(UUID id) {
            failIfDown();
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Citizen> findByNik(Nik nik) {
            failIfDown();
            return byId.values().stream().filter(c -> c.nik().equals(nik)).findFirst();
        }

        @Override
        public void save(Citizen citizen) {
            failIfDown();
            byId.put(citizen.id(), citizen);
        }

        @Override
        public boolean updateFromRegistry(Citizen updated) {
            failIfDown();
            beforeUpdate.run();
            Citizen stored = byId.get(updated.id());
            if (stored == null || stored.verification().registryVersion() >= updated.verification().registryVersion()) {
                return false;
            }
            byId.put(updated.id(), updated);
            return true;
        }

        private void failIfDown() {
            if (down) {
                throw new IllegalStateException("database down");
            }
        }
    }

    private static final class FakeSessions implements SsoSessions {
        final Map<String, Integer> live = new ConcurrentHashMap<>();
        final List<String> ended = new ArrayList<>();
        boolean down;

        @Override
        public int endAllFor(String principalName) {
            if (down) {
                throw new IllegalStateException("redis down");
            }
            ended.add(principalName);
            Integer count = live.remove(principalName);
            return count == null ? 0 : count;
        }
    }

    private static final class FakeGrants implements GrantRevocation {
        final List<String> revoked = new ArrayList<>();
        boolean down;

        @Override
        public int revokeAllFor(String principalName) {
            if (down) {
                throw new IllegalStateException("redis down");
            }
            boolean first = !revoked.contains(principalName);
            revoked.add(principalName);
            return first ? 1 : 0;
        }
    }

    private record ListAuditLog(List<AuditEvent> events) implements AuditLog {
        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> recent(String type, int limit) {
            return events.stream().filter(e -> e.type().equals(type)).limit(limit).toList();
        }
    }
}
