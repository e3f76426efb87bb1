package id.satupintu.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keys in a map: the simplest back end, for tests of the life cycle. */
public final class SoftwareTestBackend implements KeyBackend {

    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "test";
    }

    @Override
    public PublicKey generate(String kid, KeySpec spec) {
        try {
            KeyPairGenerator generator = switch (spec.algorithm().family()) {
                case RSA -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(spec.size());
                    yield g;
                }
                case EC -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    yield g;
                }
                case OKP -> KeyPairGenerator.getInstance("Ed25519");
            };
            if (keys.containsKey(kid)) {
                throw new KeyStoreFailure("a key with kid " + kid + " exists");
            }
            KeyPair pair = generator.generateKeyPair();
            keys.put(kid, pair.getPrivate());
            return pair.getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot generate", e);
        }
    }

    @Override
    public PrivateKeyHandle privateKey(String kid) {
        PrivateKey key = keys.get(kid);
        if (key == null) {
            throw new KeyStoreFailure("no key with kid " + kid);
        }
        return PrivateKeyHandle.software(key);
    }

    @Override
    public void destroy(String kid) {
        keys.remove(kid);
    }

    public boolean holds(String kid) {
        return keys.containsKey(kid);
    }
}
