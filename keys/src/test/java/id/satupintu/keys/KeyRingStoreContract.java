package id.satupintu.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link KeyRingStore} must do. Each implementation's test class extends this and
 * supplies a fresh, empty store. Instants are whole seconds: databases keep microseconds.
 */
public abstract class KeyRingStoreContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** @return an empty store; called once per test */
    protected abstract KeyRingStore store();

    private static ManagedKey key(KeySpec spec, Instant createdAt) {
        return ManagedKey.generated("ring-" + UUID.randomUUID(), KeyPurpose.OIDC_SIGNING, spec, "test",
                keyPair(spec).getPublic(), createdAt);
    }

    private static ManagedKey key(Instant createdAt) {
        return key(KeySpec.of(KeyAlgorithm.ES256), createdAt);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void insertThenFindWhenAnyAlgorithmThenEveryFieldRoundTrips(KeyAlgorithm algorithm) {
        KeyRingStore store = store();
        ManagedKey key = ManagedKey.generated("ring-" + UUID.randomUUID(), algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION
                ? KeyPurpose.SAML_ENCRYPTION : KeyPurpose.SAML_SIGNING, KeySpec.of(algorithm), "pkcs11",
                keyPair(KeySpec.of(algorithm)).getPublic(), T0);

        store.insert(key);

        assertThat(store.find(key.kid())).contains(key);
    }

    @Test
    void insertWhenRsa3072ThenSizeKept() {
        KeyRingStore store = store();
        ManagedKey key = key(new KeySpec(KeyAlgorithm.PS256, 3072), T0);

        store.insert(key);

        assertThat(store.find(key.kid()).orElseThrow().spec()).isEqualTo(new KeySpec(KeyAlgorithm.PS256, 3072));
    }

    @Test
    void insertWhenKidExistsThenKeyStoreFailureAndOriginalKept() {
        KeyRingStore store = store();
        ManagedKey original = key(T0);
        store.insert(original);
        long revision = store.revision();
        ManagedKey sameKid = new ManagedKey(original.kid(), KeyPurpose.SAML_SIGNING, KeySpec.of(KeyAlgorithm.ES256),
                KeyState.NEXT, "other", original.publicKey(), List.of(), T0.plusSeconds(5), null, null, null);

        assertThatThrownBy(() -> store.insert(sameKid)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining(original.kid());

        assertThat(store.find(original.kid())).contains(original);
        assertThat(store.revision()).isEqualTo(revision);
    }

    @Test
    void findWhenUnknownKidThenEmpty() {
        assertThat(store().find("no-such-kid")).isEmpty();
    }

    @Test
    void allWhenEmptyThenEmpty() {
        assertThat(store().all()).isEmpty();
    }

    @Test
    void allWhenSeveralKeysThenOldestFirstAndSameInstantInInsertionOrder() {
        KeyRingStore store = store();
        ManagedKey first = key(T0);
        ManagedKey second = key(T0.plusSeconds(60));
        ManagedKey third = key(T0.plusSeconds(60));
        ManagedKey fourth = key(T0.plusSeconds(120));
        for (ManagedKey key : List.of(first, second, third, fourth)) {
            store.insert(key);
        }

        assertThat(store.all()).extracting(ManagedKey::kid)
                .containsExactly(first.kid(), second.kid(), third.kid(), fourth.kid());
    }

    @Test
    void allWhenKeyDestroyedThenStillListed() {
        KeyRingStore store = store();
        ManagedKey key = key(T0);
        store.insert(key);
        store.update(key, key.destroyed(T0.plusSeconds(1)));

        assertThat(store.all()).singleElement().extracting(ManagedKey::state).isEqualTo(KeyState.DESTROYED);
    }

    @Test
    void updateWhenStoredStateIsExpectedThenReplacedWithDates() {
        KeyRingStore store = store();
        ManagedKey next = key(T0);
        store.insert(next);
        ManagedKey active = next.activated(T0.plusSeconds(10));
        ManagedKey retired = active.retired(T0.plusSeconds(20));
        ManagedKey destroyed = retired.destroyed(T0.plusSeconds(30));

        assertThat(store.update(next, active)).isTrue();
        assertThat(store.update(active, retired)).isTrue();
        assertThat(store.update(retired, destroyed)).isTrue();

        assertThat(store.find(next.kid())).contains(destroyed);
        assertThat(store.find(next.kid()).orElseThrow().activatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(store.find(next.kid()).orElseThrow().retiredAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(store.find(next.kid()).orElseThrow().destroyedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void updateWhenAnotherWriterChangedStateFirstThenFalseAndTheirChangeKept() {
        KeyRingStore store = store();
        ManagedKey next = key(T0);
        store.insert(next);
        ManagedKey theirs = next.activated(T0.plusSeconds(1));
        assertThat(store.update(next, theirs)).isTrue();
        long revision = store.revision();

        boolean ours = store.update(next, next.destroyed(T0.plusSeconds(2)));

        assertThat(ours).isFalse();
        assertThat(store.find(next.kid())).contains(theirs);
        assertThat(store.revision()).isEqualTo(revision);
    }

    @Test
    void updateWhenTwoWritersRaceFromSameStateThenExactlyOneWins() {
        KeyRingStore store = store();
        ManagedKey next = key(T0);
        store.insert(next);

        boolean first = store.update(next, next.activated(T0.plusSeconds(1)));
        boolean second = store.update(next, next.destroyed(T0.plusSeconds(1)));

        assertThat(List.of(first, second)).containsExactly(true, false);
        assertThat(store.find(next.kid()).orElseThrow().state()).isEqualTo(KeyState.ACTIVE);
    }

    @Test
    void updateWhenKidUnknownThenFalse() {
        KeyRingStore store = store();
        ManagedKey absent = key(T0);

        assertThat(store.update(absent, absent.activated(T0))).isFalse();
        assertThat(store.find(absent.kid())).isEmpty();
    }

    @Test
    void updateWhenUpdatedHasAnotherKidThenFalseAndNothingChanged() {
        KeyRingStore store = store();
        ManagedKey one = key(T0);
        ManagedKey other = key(T0);
        store.insert(one);
        store.insert(other);

        assertThat(store.update(one, other.activated(T0.plusSeconds(1)))).isFalse();

        assertThat(store.find(one.kid())).contains(one);
        assertThat(store.find(other.kid())).contains(other);
    }

    @Test
    void revisionWhenEveryKindOfChangeThenChangesEachTime() throws Exception {
        KeyRingStore store = store();
        long empty = store.revision();
        ManagedKey key = key(T0);

        store.insert(key);
        long inserted = store.revision();
        store.update(key, key.activated(T0.plusSeconds(1)));
        long updated = store.revision();
        store.setCertificateChain(key.kid(), List.of(selfSigned()));
        long certified = store.revision();

        assertThat(List.of(empty, inserted, updated, certified)).doesNotHaveDuplicates();
        assertThat(store.revision()).isEqualTo(certified);
    }

    @Test
    void setCertificateChainWhenTwoCertificatesThenRoundTripLeafFirst() throws Exception {
        KeyRingStore store = store();
        ManagedKey key = key(T0);
        store.insert(key);
        X509Certificate leaf = selfSigned();
        X509Certificate issuer = selfSigned();

        store.setCertificateChain(key.kid(), List.of(leaf, issuer));

        assertThat(store.find(key.kid()).orElseThrow().certificateChain()).containsExactly(leaf, issuer);
        assertThat(store.all()).singleElement().extracting(ManagedKey::certificateChain)
                .isEqualTo(List.of(leaf, issuer));
    }

    @Test
    void setCertificateChainWhenEmptyThenChainCleared() throws Exception {
        KeyRingStore store = store();
        ManagedKey key = key(T0);
        store.insert(key);
        store.setCertificateChain(key.kid(), List.of(selfSigned()));

        store.setCertificateChain(key.kid(), List.of());

        assertThat(store.find(key.kid()).orElseThrow().certificateChain()).isEmpty();
    }

    @Test
    void setCertificateChainWhenKidUnknownThenKeyStoreFailureNamingIt() {
        assertThatThrownBy(() -> store().setCertificateChain("no-such-kid", List.of()))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("no-such-kid");
    }

    @Test
    void updateWhenChainStoredThenChainKept() throws Exception {
        KeyRingStore store = store();
        ManagedKey key = key(T0);
        store.insert(key);
        X509Certificate certificate = selfSigned();
        store.setCertificateChain(key.kid(), List.of(certificate));
        ManagedKey certified = store.find(key.kid()).orElseThrow();

        store.update(certified, certified.activated(T0.plusSeconds(1)));

        assertThat(store.find(key.kid()).orElseThrow().certificateChain()).containsExactly(certificate);
    }

    private static KeyPair keyPair(KeySpec spec) {
        return spec.newSoftwareKeyPair();
    }

    /** A self-signed ES256 certificate, a new one each call. */
    protected static X509Certificate selfSigned() throws Exception {
        KeyPair pair = keyPair(KeySpec.of(KeyAlgorithm.ES256));
        X500Name name = new X500Name("CN=ring-store-contract-" + UUID.randomUUID());
        Date from = Date.from(T0);
        Date to = Date.from(T0.plusSeconds(86_400));
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(System.nanoTime()), from, to, name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
