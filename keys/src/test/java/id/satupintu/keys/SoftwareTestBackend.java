package id.satupintu.keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
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
        if (keys.containsKey(kid)) {
            throw new KeyStoreFailure("a key with kid " + kid + " exists");
        }
        KeyPair pair = spec.newSoftwareKeyPair();
        keys.put(kid, pair.getPrivate());
        return pair.getPublic();
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
