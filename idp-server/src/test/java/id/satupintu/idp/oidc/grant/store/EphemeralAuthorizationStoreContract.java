package id.satupintu.idp.oidc.grant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.oidc.grant.EphemeralAuthorization;
import id.satupintu.idp.oidc.grant.EphemeralAuthorizationStore;
import id.satupintu.idp.oidc.grant.TestAuthorizations;
import id.satupintu.idp.oidc.grant.TokenHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EphemeralAuthorizationStore} implementation meets; run against memory and
 * real Redis by its subclasses.
 */
public abstract class EphemeralAuthorizationStoreContract {

    protected EphemeralAuthorizationStore store;

    protected abstract EphemeralAuthorizationStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    protected static EphemeralAuthorization entry(String citizen, Duration ttl, TokenHash... indexedBy) {
        return new EphemeralAuthorization(UUID.randomUUID().toString(),
                ("snapshot-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), Set.of(indexedBy), citizen, ttl);
    }

    protected static TokenHash randomHash() {
        return TokenHash.of(TestAuthorizations.randomValue());
    }

    @Test
    void findByIdWhenPutThenReturnsSnapshot() {
        EphemeralAuthorization entry = entry(null, Duration.ofMinutes(1), randomHash());

        store.put(entry);

        assertThat(store.findById(entry.id())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(entry.snapshot()));
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        assertThat(store.findById(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void findByTokenHashWhenIndexedThenReturnsRecordForEveryHash() {
        TokenHash code = randomHash();
        TokenHash access = randomHash();
        EphemeralAuthorization entry = entry(null, Duration.ofMinutes(1), code, access);

        store.put(entry);

        assertThat(store.findByTokenHash(code)).hasValueSatisfying(b -> assertThat(b).isEqualTo(entry.snapshot()));
        assertThat(store.findByTokenHash(access)).hasValueSatisfying(b -> assertThat(b).isEqualTo(entry.snapshot()));
    }

    @Test
    void findByTokenHashWhenNotIndexedThenEmpty() {
        store.put(entry(null, Duration.ofMinutes(1), randomHash()));

        assertThat(store.findByTokenHash(randomHash())).isEmpty();
    }

    @Test
    void putWhenSameIdWrittenAgainThenLatestSnapshotWins() {
        TokenHash code = randomHash();
        EphemeralAuthorization first = entry(null, Duration.ofMinutes(1), code);
        EphemeralAuthorization second = new EphemeralAuthorization(first.id(),
                "second".getBytes(StandardCharsets.UTF_8), Set.of(code, randomHash()), null, Duration.ofMinutes(1));

        store.put(first);
        store.put(second);

        assertThat(store.findById(first.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(second.snapshot()));
        assertThat(store.findByTokenHash(code)).hasValueSatisfying(b -> assertThat(b).isEqualTo(second.snapshot()));
    }

    @Test
    void removeWhenCalledThenRecordIndexesAndCitizenMembershipGone() {
        String citizen = UUID.randomUUID().toString();
        TokenHash code = randomHash();
        TokenHash access = randomHash();
        EphemeralAuthorization removed = entry(citizen, Duration.ofMinutes(1), code, access);
        EphemeralAuthorization kept = entry(citizen, Duration.ofMinutes(1), randomHash());
        store.put(removed);
        store.put(kept);

        store.remove(removed.id(), List.of(code, access), citizen);

        assertThat(store.findById(removed.id())).isEmpty();
        assertThat(store.findByTokenHash(code)).isEmpty();
        assertThat(store.findByTokenHash(access)).isEmpty();
        assertThat(store.idsOfCitizen(citizen)).containsExactly(kept.id());
        assertThat(store.findById(kept.id())).isPresent();
    }

    @Test
    void removeWhenNothingStoredThenNoError() {
        store.remove(UUID.randomUUID().toString(), List.of(randomHash()), UUID.randomUUID().toString());
    }

    @Test
    void findWhenTimeToLivePassedThenRecordAndIndexGone() throws InterruptedException {
        TokenHash code = randomHash();
        EphemeralAuthorization entry = entry(null, Duration.ofMillis(300), code);
        store.put(entry);
        assertThat(store.findByTokenHash(code)).isPresent();

        Thread.sleep(700);

        assertThat(store.findById(entry.id())).isEmpty();
        assertThat(store.findByTokenHash(code)).isEmpty();
    }

    @Test
    void idsOfCitizenWhenEntriesPutThenListsOnlyThatCitizensIds() {
        String citizen = UUID.randomUUID().toString();
        EphemeralAuthorization first = entry(citizen, Duration.ofMinutes(1), randomHash());
        EphemeralAuthorization second = entry(citizen, Duration.ofMinutes(2), randomHash());
        EphemeralAuthorization otherCitizen = entry(UUID.randomUUID().toString(), Duration.ofMinutes(1), randomHash());
        EphemeralAuthorization clientOwn = entry(null, Duration.ofMinutes(1), randomHash());

        List.of(first, second, otherCitizen, clientOwn).forEach(store::put);

        assertThat(store.idsOfCitizen(citizen)).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void idsOfCitizenWhenShortEntryFollowsLongOneThenIndexOutlivesTheShortOne() throws InterruptedException {
        String citizen = UUID.randomUUID().toString();
        EphemeralAuthorization longLived = entry(citizen, Duration.ofMinutes(1), randomHash());
        EphemeralAuthorization shortLived = entry(citizen, Duration.ofMillis(200), randomHash());
        store.put(longLived);
        store.put(shortLived);

        Thread.sleep(500);

        assertThat(store.idsOfCitizen(citizen)).contains(longLived.id());
    }

    @Test
    void idsOfCitizenWhenNoneStoredThenEmpty() {
        assertThat(store.idsOfCitizen(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void entryWhenTimeToLiveNotPositiveThenRejected() {
        assertThatThrownBy(() -> entry(null, Duration.ZERO, randomHash()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time to live");
        assertThatThrownBy(() -> entry(null, Duration.ofSeconds(-1), randomHash()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
