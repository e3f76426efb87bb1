package id.satupintu.idp.oidc.grant.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import id.satupintu.idp.oidc.grant.GrantStorageTestApplication;
import id.satupintu.idp.oidc.grant.GrantTokenKind;
import id.satupintu.idp.oidc.grant.RefreshGrant;
import id.satupintu.idp.oidc.grant.RefreshGrantStore;
import id.satupintu.idp.oidc.grant.TestAuthorizations;
import id.satupintu.idp.oidc.grant.TokenHash;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The contract of the durable {@link RefreshGrantStore}, run against PostgreSQL and H2 by the subclasses. */
@SpringBootTest(classes = GrantStorageTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class RefreshGrantStoreContract {

    @Autowired
    private RefreshGrantStore store;

    private static TokenHash randomHash() {
        return TokenHash.of(TestAuthorizations.randomValue());
    }

    private static RefreshGrant grant(String id, String principal, TokenHash refresh, Instant expiresAt) {
        Map<GrantTokenKind, TokenHash> hashes = new EnumMap<>(GrantTokenKind.class);
        hashes.put(GrantTokenKind.REFRESH_TOKEN, refresh);
        hashes.put(GrantTokenKind.ACCESS_TOKEN, randomHash());
        hashes.put(GrantTokenKind.ID_TOKEN, randomHash());
        hashes.put(GrantTokenKind.CODE, randomHash());
        return new RefreshGrant(id, "client-" + id, principal, hashes, expiresAt,
                ("snapshot of " + refresh.value()).getBytes(StandardCharsets.UTF_8));
    }

    private static RefreshGrant newGrant() {
        return grant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), randomHash(),
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void findByIdWhenSavedThenEverythingReadBack() {
        RefreshGrant grant = newGrant();

        store.save(grant);

        RefreshGrant found = store.findById(grant.id()).orElseThrow();
        assertThat(found.registeredClientId()).isEqualTo(grant.registeredClientId());
        assertThat(found.principalName()).isEqualTo(grant.principalName());
        assertThat(found.hashes()).isEqualTo(grant.hashes());
        assertThat(found.expiresAt()).isEqualTo(grant.expiresAt());
        assertThat(found.snapshot()).isEqualTo(grant.snapshot());
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        assertThat(store.findById(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void findByCurrentHashWhenEachKindThenFoundOnlyAsThatKindOrAny() {
        RefreshGrant grant = newGrant();
        store.save(grant);

        for (GrantTokenKind kind : new GrantTokenKind[] {GrantTokenKind.REFRESH_TOKEN, GrantTokenKind.ACCESS_TOKEN,
                GrantTokenKind.ID_TOKEN, GrantTokenKind.CODE}) {
            TokenHash hash = grant.hashes().get(kind);
            assertThat(store.findByCurrentHash(hash, kind)).as(kind.name()).map(RefreshGrant::id).contains(grant.id());
            assertThat(store.findByCurrentHash(hash, null)).as(kind.name()).map(RefreshGrant::id).contains(grant.id());
        }
        assertThat(store.findByCurrentHash(grant.hashes().get(GrantTokenKind.ACCESS_TOKEN), GrantTokenKind.REFRESH_TOKEN))
                .isEmpty();
        assertThat(store.findByCurrentHash(grant.hashes().get(GrantTokenKind.REFRESH_TOKEN), GrantTokenKind.STATE))
                .isEmpty();
        assertThat(store.findByCurrentHash(randomHash(), null)).isEmpty();
    }

    @Test
    void saveWhenRefreshTokenRotatedThenOldHashSupersededAndNewOneCurrent() {
        RefreshGrant first = newGrant();
        store.save(first);
        TokenHash oldRefresh = first.hashes().get(GrantTokenKind.REFRESH_TOKEN);
        RefreshGrant rotated = grant(first.id(), first.principalName(), randomHash(), first.expiresAt());

        store.save(rotated);

        assertThat(store.findByCurrentHash(oldRefresh, GrantTokenKind.REFRESH_TOKEN)).isEmpty();
        assertThat(store.findIdBySupersededRefreshToken(oldRefresh)).contains(first.id());
        assertThat(store.findByCurrentHash(rotated.hashes().get(GrantTokenKind.REFRESH_TOKEN),
                GrantTokenKind.REFRESH_TOKEN)).map(RefreshGrant::id).contains(first.id());
        assertThat(store.findIdBySupersededRefreshToken(rotated.hashes().get(GrantTokenKind.REFRESH_TOKEN))).isEmpty();
    }

    @Test
    void saveWhenRefreshTokenUnchangedThenNothingSuperseded() {
        RefreshGrant grant = newGrant();
        store.save(grant);

        store.save(grant);

        assertThat(store.findIdBySupersededRefreshToken(grant.hashes().get(GrantTokenKind.REFRESH_TOKEN))).isEmpty();
        assertThat(store.findById(grant.id())).isPresent();
    }

    @Test
    void findIdsByPrincipalWhenCitizenHasTwoGrantsThenBoth() {
        String citizen = UUID.randomUUID().toString();
        Instant expiry = Instant.now().plus(1, ChronoUnit.DAYS);
        RefreshGrant first = grant(UUID.randomUUID().toString(), citizen, randomHash(), expiry);
        RefreshGrant second = grant(UUID.randomUUID().toString(), citizen, randomHash(), expiry);
        store.save(first);
        store.save(second);
        store.save(newGrant());

        assertThat(store.findIdsByPrincipal(citizen)).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void deleteWhenGrantRotatedThenGrantAndSupersededHashesGone() {
        RefreshGrant first = newGrant();
        store.save(first);
        store.save(grant(first.id(), first.principalName(), randomHash(), first.expiresAt()));

        store.delete(first.id());

        assertThat(store.findById(first.id())).isEmpty();
        assertThat(store.findIdBySupersededRefreshToken(first.hashes().get(GrantTokenKind.REFRESH_TOKEN))).isEmpty();
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseGone() {
        Instant now = Instant.now();
        RefreshGrant expired = grant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), randomHash(),
                now.minus(1, ChronoUnit.HOURS));
        RefreshGrant valid = grant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), randomHash(),
                now.plus(1, ChronoUnit.HOURS));
        store.save(expired);
        store.save(grant(expired.id(), expired.principalName(), randomHash(), expired.expiresAt()));
        store.save(valid);

        int deleted = store.deleteExpired(now);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(store.findById(expired.id())).isEmpty();
        assertThat(store.findIdBySupersededRefreshToken(expired.hashes().get(GrantTokenKind.REFRESH_TOKEN))).isEmpty();
        assertThat(store.findById(valid.id())).isPresent();
    }

    @Test
    void grantWhenNoRefreshTokenHashThenRejected() {
        assertThatThrownBy(() -> new RefreshGrant("id", "client", "citizen",
                Map.of(GrantTokenKind.ACCESS_TOKEN, randomHash()), Instant.now(), new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh token");
    }
}
