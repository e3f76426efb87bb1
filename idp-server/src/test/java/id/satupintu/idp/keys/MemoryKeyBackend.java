package id.satupintu.idp.keys;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.PrivateKeyHandle;

/** Software keys held in memory: for tests of the wiring that need no database. Never for a real deployment. */
public final class MemoryKeyBackend implements KeyBackend, KeyPairImport {

    private final Map<String, PrivateKey> keys = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public PublicKey generate(String kid, KeySpec spec) {
        KeyPair pair = spec.newSoftwareKeyPair();
        importKey(kid, pair);
        return pair.getPublic();
    }

    @Override
    public void importKey(String kid, KeyPair pair) {
        if (keys.putIfAbsent(kid, pair.getPrivate()) != null) {
            throw new KeyStoreFailure("a key with kid " + kid + " exists");
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
}
