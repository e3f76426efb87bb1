package id.satupintu.keys.cert;

import java.time.Instant;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.SoftwareTestBackend;

/** Managed keys with their private keys, for certificate and JWKS tests. */
final class TestManagedKeys {

    private final SoftwareTestBackend backend = new SoftwareTestBackend();

    ManagedKey generate(KeyAlgorithm algorithm) {
        KeyPurpose purpose = algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION ? KeyPurpose.SAML_ENCRYPTION
                : KeyPurpose.SAML_SIGNING;
        String kid = "test-" + algorithm.joseName().toLowerCase() + "-" + java.util.UUID.randomUUID();
        return ManagedKey.generated(kid, purpose, KeySpec.of(algorithm), backend.id(),
                backend.generate(kid, KeySpec.of(algorithm)), Instant.now());
    }

    PrivateKeyHandle privateKey(ManagedKey key) {
        return backend.privateKey(key.kid());
    }
}
