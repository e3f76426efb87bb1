package id.satupintu.keys.store.pkcs12;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.UnsupportedKeyException;

/**
 * Private keys in one password-protected PKCS#12 file (RFC 7292), each a {@code PrivateKeyEntry}
 * under alias = kid ({@code friendlyName}, RFC 7292 §4.2, which the JDK lower-cases) beside a
 * {@link PlaceholderCertificate} that keeps the kid exactly; kids that differ only in case cannot
 * share a file. The JDK writes PBES2/AES-256 shrouded
 * key bags and an HmacSHA256 MAC with the same password (RFC 7292 §4, RFC 8018).
 *
 * <p>The file is created on the first {@link #generate}, and every change rewrites it atomically
 * (a temporary file in the same directory, readable only by its owner on POSIX systems, moved over
 * the old one), so a crash leaves either the old or the new file. Writes re-read the file first, so
 * the file stays the truth; decrypted keys are cached in memory until destroyed. All methods are
 * thread-safe; one process should write a file at a time.
 */
public final class Pkcs12KeyBackend implements KeyBackend {

    private static final String TYPE = "PKCS12";

    private final Path file;
    private final char[] password;
    private final Map<String, PrivateKey> decrypted = new ConcurrentHashMap<>();

    /**
     * @param file the PKCS#12 file; created with its directories on the first {@link #generate}
     * @param password protects the file's integrity and every key in it; copied, never logged
     * @throws IllegalArgumentException for an empty password, which would leave the keys unprotected
     */
    public Pkcs12KeyBackend(Path file, char[] password) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (Objects.requireNonNull(password, "password").length == 0) {
            throw new IllegalArgumentException("a PKCS#12 key file needs a password; " + this.file + " would be unprotected");
        }
        this.password = password.clone();
    }

    @Override
    public String id() {
        return "pkcs12";
    }

    @Override
    public synchronized PublicKey generate(String kid, KeySpec spec) {
        Objects.requireNonNull(kid, "kid");
        KeyStore store = load();
        try {
            if (store.containsAlias(kid)) {
                throw new KeyStoreFailure("a key with kid " + kid + " exists in PKCS#12 file " + file
                        + " (PKCS#12 aliases ignore case)");
            }
            KeyPair pair = generator(spec).generateKeyPair();
            Certificate certificate = PlaceholderCertificate.selfSigned(kid, spec.algorithm(), pair.getPublic(),
                    pair.getPrivate(), null);
            store.setKeyEntry(kid, pair.getPrivate(), password, new Certificate[] {certificate});
            write(store);
            decrypted.put(kid, pair.getPrivate());
            return pair.getPublic();
        } catch (KeyStoreException e) {
            throw new UnsupportedKeyException("PKCS#12 file " + file + " cannot hold " + spec.algorithm().joseName()
                    + " keys on this JDK: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot generate " + spec.algorithm().joseName() + " key " + kid + " for PKCS#12 file "
                    + file, e);
        }
    }

    @Override
    public PrivateKeyHandle privateKey(String kid) {
        PrivateKey cached = decrypted.get(kid);
        if (cached != null) {
            return PrivateKeyHandle.software(cached);
        }
        synchronized (this) {
            KeyStore store = load();
            try {
                if (!holdsExactly(store, kid)) {
                    throw new KeyStoreFailure("no key with kid " + kid + " in PKCS#12 file " + file);
                }
                PrivateKey key = (PrivateKey) store.getKey(kid, password);
                decrypted.put(kid, key);
                return PrivateKeyHandle.software(key);
            } catch (UnrecoverableKeyException e) {
                throw wrongPassword(e);
            } catch (GeneralSecurityException e) {
                throw new KeyStoreFailure("cannot read key " + kid + " from PKCS#12 file " + file, e);
            }
        }
    }

    @Override
    public synchronized void destroy(String kid) {
        decrypted.remove(kid);
        if (!Files.exists(file)) {
            return;
        }
        KeyStore store = load();
        try {
            if (holdsExactly(store, kid)) {
                store.deleteEntry(kid);
                write(store);
            }
        } catch (KeyStoreException e) {
            throw new KeyStoreFailure("cannot delete key " + kid + " from PKCS#12 file " + file, e);
        }
    }

    /**
     * The JDK lower-cases PKCS#12 aliases, so the entry under {@code kid} may belong to a kid that
     * differs in case; the placeholder certificate keeps the kid exactly.
     */
    private static boolean holdsExactly(KeyStore store, String kid) throws KeyStoreException {
        return store.isKeyEntry(kid) && PlaceholderCertificate.kid(store.getCertificate(kid)).filter(kid::equals).isPresent();
    }

    private static KeyPairGenerator generator(KeySpec spec) throws GeneralSecurityException {
        return switch (spec.algorithm().family()) {
            case RSA -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(spec.size());
                yield generator;
            }
            case EC -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                yield generator;
            }
            case OKP -> KeyPairGenerator.getInstance("Ed25519");
        };
    }

    /** @return the keys in the file, or an empty store when the file does not exist yet */
    private KeyStore load() {
        try {
            KeyStore store = KeyStore.getInstance(TYPE);
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            } catch (NoSuchFileException e) {
                store.load(null, password);
            }
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw wrongPassword(e);
            }
            throw new KeyStoreFailure("cannot read PKCS#12 file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot read PKCS#12 file " + file, e);
        }
    }

    private KeyStoreFailure wrongPassword(Exception cause) {
        return new KeyStoreFailure("wrong password for PKCS#12 file " + file
                + " (or the file is damaged: its integrity check failed)", cause);
    }

    /** Writes to a temporary owner-only file beside the target, flushes it to disk and moves it over the target. */
    private void write(KeyStore store) {
        Path directory = file.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                store.store(out, password);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot write PKCS#12 file " + file + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the failure above is the one to report
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    @Override
    public String toString() {
        return "Pkcs12KeyBackend[" + file + "]";
    }
}
