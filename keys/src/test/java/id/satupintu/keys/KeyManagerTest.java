package id.satupintu.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyManagerTest {

    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(90), Duration.ofDays(2),
            Duration.ofDays(1));
    private static final Map<KeyPurpose, List<KeySpec>> WANTED = Map.of(KeyPurpose.OIDC_SIGNING,
            List.of(KeySpec.of(KeyAlgorithm.ES256)));

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final MemoryKeyRingStore store = new MemoryKeyRingStore();
    private final SoftwareTestBackend backend = new SoftwareTestBackend();
    private final KeyManager manager = new KeyManager(store, Map.of("test", backend), backend, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private ManagedKey active() {
        return manager.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow();
    }

    @Test
    void maintainWhenRingEmptyThenOneKeyActiveAtOnce() {
        manager.maintain(WANTED, POLICY);

        assertThat(manager.snapshot().published(KeyPurpose.OIDC_SIGNING)).singleElement()
                .extracting(ManagedKey::state).isEqualTo(KeyState.ACTIVE);
    }

    @Test
    void maintainWhenActiveNearsEndOfLifeThenNextPublishedBeforeItSigns() {
        manager.maintain(WANTED, POLICY);
        ManagedKey first = active();

        now = now.plus(Duration.ofDays(88));
        manager.maintain(WANTED, POLICY);

        assertThat(active().kid()).isEqualTo(first.kid());
        assertThat(manager.snapshot().published(KeyPurpose.OIDC_SIGNING)).extracting(ManagedKey::state)
                .containsExactlyInAnyOrder(KeyState.ACTIVE, KeyState.NEXT);

        now = now.plus(Duration.ofDays(2));
        manager.maintain(WANTED, POLICY);

        assertThat(active().kid()).isNotEqualTo(first.kid());
        assertThat(manager.snapshot().find(first.kid()).orElseThrow().state()).isEqualTo(KeyState.RETIRED);
    }

    @Test
    void maintainWhenRetiredPastLifetimeThenDestroyedAndPrivateKeyErased() {
        manager.maintain(WANTED, POLICY);
        ManagedKey first = active();
        manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), true);

        now = now.plus(Duration.ofHours(23));
        manager.maintain(WANTED, POLICY);
        assertThat(manager.snapshot().find(first.kid()).orElseThrow().state()).isEqualTo(KeyState.RETIRED);

        now = now.plus(Duration.ofHours(1));
        manager.maintain(WANTED, POLICY);
        assertThat(manager.snapshot().find(first.kid()).orElseThrow().state()).isEqualTo(KeyState.DESTROYED);
        assertThat(backend.holds(first.kid())).isFalse();
        assertThat(manager.snapshot().published(KeyPurpose.OIDC_SIGNING)).extracting(ManagedKey::kid)
                .doesNotContain(first.kid());
    }

    @Test
    void activateWhenKeyAlreadyActiveThenRefused() {
        manager.maintain(WANTED, POLICY);

        assertThatThrownBy(() -> manager.activate(active().kid())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generateWhenSigningAlgorithmForEncryptionPurposeThenUnsupported() {
        assertThatThrownBy(() -> manager.generate(KeyPurpose.SAML_ENCRYPTION, KeySpec.of(KeyAlgorithm.ES256)))
                .isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> new KeySpec(KeyAlgorithm.RS256, 1024)).isInstanceOf(UnsupportedKeyException.class)
                .hasMessageContaining("2048");
    }

    @Test
    void updateWhenStateChangedMeanwhileThenCompareAndSetFails() {
        ManagedKey next = manager.generate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256));
        manager.activate(next.kid());

        assertThat(store.update(next, next.destroyed(now))).isFalse();
    }

    @Test
    void generateWhenLongestPurposeAndAlgorithmThenKidFitsAnX509CommonName() {
        ManagedKey key = manager.generate(KeyPurpose.SAML_ENCRYPTION, KeySpec.of(KeyAlgorithm.RSA_OAEP_256));

        assertThat(key.kid()).startsWith("saml-enc-rsa-oaep-256-").hasSizeLessThanOrEqualTo(64);
    }
}
