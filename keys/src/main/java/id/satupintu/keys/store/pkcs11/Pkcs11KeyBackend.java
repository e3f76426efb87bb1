package id.satupintu.keys.store.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.UnsupportedKeyException;
import id.satupintu.keys.store.pkcs12.PlaceholderCertificate;

/**
 * Private keys inside a PKCS#11 token, through the JDK's SunPKCS11 provider configured at run time
 * ({@link SunPkcs11Config}). {@link #generate} runs {@code C_GenerateKeyPair} in the token with
 * {@code CKA_TOKEN}, {@code CKA_SENSITIVE} true and {@code CKA_EXTRACTABLE} false, then stores the key
 * under {@code CKA_LABEL} = kid with a {@link PlaceholderCertificate} signed inside the token (the
 * JDK's PKCS11 key store names entries by label and pairs key and certificate by {@code CKA_ID}).
 * {@link #privateKey} returns only a handle that works through {@link #provider()}.
 *
 * <p>RS256, PS256, ES256 and RSA-OAEP-256 keys are supported; Ed25519 is refused because SunPKCS11
 * on Java 17 has no EdDSA ({@code CKM_EDDSA}). RSA-OAEP-256 decryption uses raw RSA in the token
 * ({@code CKM_RSA_X_509}) and OAEP decoding outside it, since SoftHSM2 and many HSMs offer
 * {@code CKM_RSA_PKCS_OAEP} with SHA-1 only; see {@link OaepOverRawRsaProvider}.
 *
 * <p>Thread-safe. The PIN is used to log in once and never logged. PKCS#11 keeps the login state per
 * application and token (PKCS#11 v2.40 §5.6, {@code C_Login}: all sessions of the application share
 * it), so once one back end in this JVM has logged in to a token, a second back end for the same
 * token is not asked for the PIN again and cannot notice a wrong one.
 */
public final class Pkcs11KeyBackend implements KeyBackend {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Pkcs11Settings settings;
    private final long slot;
    private final Provider provider;
    private final KeyStore keyStore;
    /** Handles already found, so signing does not search the token ({@code C_FindObjects}) every time. */
    private final Map<String, PrivateKeyHandle> handles = new ConcurrentHashMap<>();

    /**
     * Loads the library, finds the token and logs in.
     *
     * @throws KeyStoreFailure when the library is missing, the slot or token is not there, or the PIN is wrong
     */
    public Pkcs11KeyBackend(Pkcs11Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!Files.isRegularFile(settings.library())) {
            throw new KeyStoreFailure("PKCS#11 library " + settings.library() + " not found (install the HSM vendor's "
                    + "library, or SoftHSM2's /usr/lib/softhsm/libsofthsm2.so for tests)");
        }
        this.slot = resolveSlot(settings);
        Provider token = configure(settings, slot);
        this.provider = OaepOverRawRsaProvider.wrapping(token);
        this.keyStore = login(token, settings);
    }

    @Override
    public String id() {
        return "pkcs11";
    }

    /** @return the provider that operates this token's keys; {@link PrivateKeyHandle#provider()} is this one */
    public Provider provider() {
        return provider;
    }

    @Override
    public synchronized PublicKey generate(String kid, KeySpec spec) {
        Objects.requireNonNull(kid, "kid");
        try {
            if (keyStore.containsAlias(kid)) {
                throw new KeyStoreFailure("a key with kid " + kid + " exists in PKCS#11 " + settings.token());
            }
            KeyPair pair = generator(spec).generateKeyPair();
            Certificate certificate = PlaceholderCertificate.selfSigned(kid, spec.algorithm(), pair.getPublic(),
                    pair.getPrivate(), provider);
            keyStore.setKeyEntry(kid, pair.getPrivate(), null, new Certificate[] {certificate});
            return softwareCopy(pair.getPublic());
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KeyStoreFailure("cannot generate " + spec.algorithm().joseName() + " key " + kid + " in PKCS#11 "
                    + settings.token() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public PrivateKeyHandle privateKey(String kid) {
        PrivateKeyHandle cached = handles.get(kid);
        return cached != null ? cached : find(kid);
    }

    private synchronized PrivateKeyHandle find(String kid) {
        try {
            if (!keyStore.isKeyEntry(kid)) {
                throw new KeyStoreFailure("no key with kid " + kid + " in PKCS#11 " + settings.token());
            }
            PrivateKeyHandle handle = new PrivateKeyHandle((PrivateKey) keyStore.getKey(kid, null), provider);
            handles.put(kid, handle);
            return handle;
        } catch (GeneralSecurityException | ProviderException e) {
            throw new KeyStoreFailure("cannot read key " + kid + " in PKCS#11 " + settings.token() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void destroy(String kid) {
        handles.remove(kid);
        try {
            if (keyStore.containsAlias(kid)) {
                keyStore.deleteEntry(kid);
            }
        } catch (KeyStoreException | ProviderException e) {
            throw new KeyStoreFailure("cannot destroy key " + kid + " in PKCS#11 " + settings.token() + ": " + e.getMessage(), e);
        }
    }

    private KeyPairGenerator generator(KeySpec spec) throws GeneralSecurityException {
        return switch (spec.algorithm().family()) {
            case RSA -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", provider);
                generator.initialize(spec.size());
                yield generator;
            }
            case EC -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider);
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                yield generator;
            }
            case OKP -> {
                try {
                    yield KeyPairGenerator.getInstance("Ed25519", provider);
                } catch (NoSuchAlgorithmException e) {
                    throw new UnsupportedKeyException("PKCS#11 " + settings.token() + " cannot generate "
                            + spec.algorithm().joseName() + " (Ed25519) keys: the JDK's SunPKCS11 provider has no EdDSA; "
                            + "use ES256 in the HSM, or keep Ed25519 keys in the database or a PKCS#12 file");
                }
            }
        };
    }

    /** @return the public key as an ordinary JDK key, independent of the token session */
    private static PublicKey softwareCopy(PublicKey tokenPublicKey) throws GeneralSecurityException {
        return KeyFactory.getInstance(tokenPublicKey.getAlgorithm())
                .generatePublic(new X509EncodedKeySpec(tokenPublicKey.getEncoded()));
    }

    private static long resolveSlot(Pkcs11Settings settings) {
        Pkcs11Slots.Listing listing = Pkcs11Slots.list(settings.library());
        if (settings.slot() != null) {
            if (listing.known() && listing.byId(settings.slot()).isEmpty()) {
                throw new KeyStoreFailure("no PKCS#11 slot " + settings.slot() + " with a token in " + settings.library()
                        + "; " + listing.describe());
            }
            return settings.slot();
        }
        if (!listing.known()) {
            throw new KeyStoreFailure("cannot find PKCS#11 " + settings.token() + " in " + settings.library() + ": "
                    + listing.describe() + "; or configure the slot instead of the token label");
        }
        return listing.byLabel(settings.tokenLabel()).orElseThrow(() -> new KeyStoreFailure("no PKCS#11 "
                + settings.token() + " in " + settings.library() + "; " + listing.describe())).id();
    }

    private static Provider configure(Pkcs11Settings settings, long slot) {
        String name = "SatuPintu-" + INSTANCES.incrementAndGet();
        try {
            Provider sunPkcs11 = Security.getProvider("SunPKCS11");
            if (sunPkcs11 == null) {
                throw new KeyStoreFailure("this JDK has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
            }
            return sunPkcs11.configure(SunPkcs11Config.inline(name, settings.library(), slot));
        } catch (ProviderException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new KeyStoreFailure("cannot open PKCS#11 " + settings.token() + " with library " + settings.library()
                    + ": " + causes(e) + "; " + Pkcs11Slots.list(settings.library()).describe(), e);
        }
    }

    private static KeyStore login(Provider token, Pkcs11Settings settings) {
        char[] pin = settings.pin();
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", token);
            store.load(null, pin);
            return store;
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            String causes = causes(e);
            if (causes.contains("CKR_PIN_INCORRECT")) {
                throw new KeyStoreFailure("wrong PIN for PKCS#11 " + settings.token() + " (CKR_PIN_INCORRECT)", e);
            }
            if (causes.contains("CKR_PIN_LOCKED")) {
                throw new KeyStoreFailure("the PIN of PKCS#11 " + settings.token() + " is locked after too many wrong "
                        + "attempts (CKR_PIN_LOCKED); the security officer must reset it", e);
            }
            throw new KeyStoreFailure("cannot log in to PKCS#11 " + settings.token() + ": " + causes, e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** @return the messages of an exception and its causes, which for PKCS#11 end in the {@code CKR_} code */
    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && text.indexOf(t.getMessage()) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return text.length() > 0 ? text.toString() : e.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "Pkcs11KeyBackend[" + settings.library() + ", " + settings.token() + ", slot id " + slot + "]";
    }
}
