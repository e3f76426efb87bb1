package id.satupintu.idp.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
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
            KeyPair pair = generator.generateKeyPair();
            importKey(kid, pair);
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot generate a " + spec.algorithm().joseName() + " key", e);
        }
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
