package id.satupintu.idp.keys;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;

/**
 * SAML credentials over an in-memory key ring: an ACTIVE RS256 signing key and an ACTIVE
 * RSA-OAEP-256 encryption key (2048 bits, for fast tests), each with a self-signed certificate,
 * made by the same maintenance step the server runs.
 */
public final class TestSamlCredentials {

    private static SamlCredentials shared;
    private static SamlCredentials other;

    private TestSamlCredentials() {
    }

    /** @return new SAML credentials with fresh keys */
    public static SamlCredentials create() {
        return ring().credentials();
    }

    /**
     * @return credentials whose first SAML encryption key was rotated: {@code decryptionKeys()} holds the new
     *         ACTIVE key first and the RETIRED one second, as after {@code POST /admin/keys/rotate}
     */
    public static SamlCredentials withRotatedEncryptionKey() {
        Ring ring = ring();
        ring.rotateEncryptionKey();
        return ring.credentials();
    }

    /**
     * @return credentials whose SAML keys are handles bound to {@code provider}, as an HSM's are to its
     *         PKCS#11 provider: the provider need not be installed in the JVM (this ring has no OIDC keys)
     */
    public static SamlCredentials boundTo(java.security.Provider provider) {
        MemoryKeyBackend software = new MemoryKeyBackend();
        id.satupintu.keys.KeyBackend bound = new id.satupintu.keys.KeyBackend() {
            @Override
            public String id() {
                return software.id();
            }

            @Override
            public java.security.PublicKey generate(String kid, KeySpec spec) {
                return software.generate(kid, spec);
            }

            @Override
            public id.satupintu.keys.PrivateKeyHandle privateKey(String kid) {
                return new id.satupintu.keys.PrivateKeyHandle(software.privateKey(kid).key(), provider);
            }

            @Override
            public void destroy(String kid) {
                software.destroy(kid);
            }
        };
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        id.satupintu.keys.MemoryKeyRingStore store = new id.satupintu.keys.MemoryKeyRingStore();
        id.satupintu.keys.KeyManager manager = new id.satupintu.keys.KeyManager(store, Map.of(bound.id(), bound), bound, clock);
        KeyRingCache cache = new KeyRingCache(manager, id.satupintu.keys.jca.JwsSigners.onFastestProviders(),
                java.time.Duration.ofSeconds(5));
        KeyRingChanges changes = new KeyRingChanges(manager, cache, KeyChangeNotifier.SINGLE_NODE,
                new TestKeyRings.RecordingAuditLog(), new SamlCertificateIssuer(manager, store,
                "https://id.satupintu.example/", TestKeyRings.POLICY, clock));
        Map<KeyPurpose, List<KeySpec>> wanted = new EnumMap<>(KeyPurpose.class);
        wanted.put(KeyPurpose.SAML_SIGNING, List.of(new KeySpec(KeyAlgorithm.RS256, 2048)));
        wanted.put(KeyPurpose.SAML_ENCRYPTION, List.of(new KeySpec(KeyAlgorithm.RSA_OAEP_256, 2048)));
        new ScheduledKeyMaintenance(manager, changes, new LocalMaintenanceLock(), wanted, TestKeyRings.POLICY,
                java.time.Duration.ofMinutes(1)).runOnce();
        return new SamlCredentials(cache);
    }

    /** @return a new ring whose keys a test can rotate while code holds its {@link Ring#credentials()} */
    public static Ring ring() {
        return new Ring();
    }

    /** A maintained in-memory ring with SAML keys certified as the server does it. */
    public static final class Ring {

        private final TestKeyRings keys = new TestKeyRings();
        private final KeyRingChanges changes;
        private final SamlCredentials credentials;

        private Ring() {
            SamlCertificateIssuer issuer = new SamlCertificateIssuer(keys.manager, keys.store,
                    "https://id.satupintu.example/", TestKeyRings.POLICY, keys.clock);
            changes = new KeyRingChanges(keys.manager, keys.cache, KeyChangeNotifier.SINGLE_NODE, keys.audit, issuer);
            Map<KeyPurpose, List<KeySpec>> wanted = new EnumMap<>(TestKeyRings.WANTED);
            wanted.put(KeyPurpose.SAML_SIGNING, List.of(new KeySpec(KeyAlgorithm.RS256, 2048)));
            wanted.put(KeyPurpose.SAML_ENCRYPTION, List.of(new KeySpec(KeyAlgorithm.RSA_OAEP_256, 2048)));
            new ScheduledKeyMaintenance(keys.manager, changes, new LocalMaintenanceLock(), wanted, TestKeyRings.POLICY,
                    java.time.Duration.ofMinutes(1)).runOnce();
            credentials = new SamlCredentials(keys.cache);
        }

        /** @return the credentials over this ring: they see every rotation at once */
        public SamlCredentials credentials() {
            return credentials;
        }

        /** Rotates the signing key as {@code POST /admin/keys/rotate} does: a new ACTIVE key, certified at once. */
        public void rotateSigningKey() {
            changes.apply("test", null, () -> keys.manager.rotate(KeyPurpose.SAML_SIGNING,
                    new KeySpec(KeyAlgorithm.RS256, 2048), true));
        }

        /** Rotates the encryption key: the old one is RETIRED and still decrypts. */
        public void rotateEncryptionKey() {
            changes.apply("test", null, () -> keys.manager.rotate(KeyPurpose.SAML_ENCRYPTION,
                    new KeySpec(KeyAlgorithm.RSA_OAEP_256, 2048), true));
        }
    }

    /** @return credentials over a key ring without SAML keys: nothing can sign or decrypt */
    public static SamlCredentials withoutKeys() {
        TestKeyRings keys = new TestKeyRings();
        keys.maintenance.runOnce();
        return new SamlCredentials(keys.cache);
    }

    /** @return one set of credentials shared by the tests of this JVM (key generation is slow) */
    public static synchronized SamlCredentials shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    /** @return a second, unrelated set of credentials: its keys are not trusted by anything made from {@link #shared()} */
    public static synchronized SamlCredentials unrelated() {
        if (other == null) {
            other = create();
        }
        return other;
    }
}
