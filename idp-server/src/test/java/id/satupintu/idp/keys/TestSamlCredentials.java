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
        return new Ring().credentials();
    }

    /**
     * @return credentials whose first SAML encryption key was rotated: {@code decryptionKeys()} holds the new
     *         ACTIVE key first and the RETIRED one second, as after {@code POST /admin/keys/rotate}
     */
    public static SamlCredentials withRotatedEncryptionKey() {
        Ring ring = new Ring();
        ring.changes.apply("test", null, () -> ring.keys.manager.rotate(KeyPurpose.SAML_ENCRYPTION,
                new KeySpec(KeyAlgorithm.RSA_OAEP_256, 2048), true));
        return ring.credentials();
    }

    /** A maintained in-memory ring with SAML keys certified as the server does it. */
    private static final class Ring {

        final TestKeyRings keys = new TestKeyRings();
        final KeyRingChanges changes;

        Ring() {
            SamlCertificateIssuer issuer = new SamlCertificateIssuer(keys.manager, keys.store,
                    "https://id.satupintu.example/", TestKeyRings.POLICY, keys.clock);
            changes = new KeyRingChanges(keys.manager, keys.cache, KeyChangeNotifier.SINGLE_NODE, keys.audit, issuer);
            Map<KeyPurpose, List<KeySpec>> wanted = new EnumMap<>(TestKeyRings.WANTED);
            wanted.put(KeyPurpose.SAML_SIGNING, List.of(new KeySpec(KeyAlgorithm.RS256, 2048)));
            wanted.put(KeyPurpose.SAML_ENCRYPTION, List.of(new KeySpec(KeyAlgorithm.RSA_OAEP_256, 2048)));
            new ScheduledKeyMaintenance(keys.manager, changes, new LocalMaintenanceLock(), wanted, TestKeyRings.POLICY,
                    java.time.Duration.ofMinutes(1)).runOnce();
        }

        SamlCredentials credentials() {
            return new SamlCredentials(keys.cache);
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
