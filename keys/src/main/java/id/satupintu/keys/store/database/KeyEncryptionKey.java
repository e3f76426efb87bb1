package id.satupintu.keys.store.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import id.satupintu.keys.KeyStoreFailure;

/**
 * The key-encryption key (KEK) of the database back end: a 256-bit AES key and the id under which
 * every data-encryption key wrapped with it is recorded ({@code managed_key_secret.kek_id}), so a
 * node knows which KEK a row needs and can name a missing one.
 *
 * <p>The KEK never lives in the database it protects: it comes from a file readable only by its
 * owner ({@link #fromFile}) or from an environment variable ({@link #fromEnvironment}), both
 * holding one line {@code <id>:<base64 of 32 bytes>}. Ids are 1 to 64 characters of
 * {@code A-Z a-z 0-9 . _ -}. {@link #toString()} shows the id only.
 */
public final class KeyEncryptionKey {

    /** AES-256: NIST SP 800-38D GCM with a 256-bit block-cipher key. */
    public static final int KEY_BYTES = 32;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final String id;
    private final byte[] key;

    private KeyEncryptionKey(String id, byte[] key) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a KEK id is 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("KEK '" + id + "' must be " + KEY_BYTES + " bytes (AES-256), not "
                    + key.length);
        }
        this.id = id;
        this.key = key.clone();
    }

    /** @param base64 the 32 key bytes in base64 (standard alphabet, RFC 4648 §4) */
    public static KeyEncryptionKey fromBase64(String id, String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // the message of the decoder may quote the input: do not chain it
            throw new IllegalArgumentException("KEK '" + id + "' is not valid base64");
        }
        try {
            return new KeyEncryptionKey(id, decoded);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    /** A new random KEK, e.g. for the quickstart's first start; keep it with {@link #writeTo}. */
    public static KeyEncryptionKey generate(String id) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            return new KeyEncryptionKey(id, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Reads a KEK file ({@code <id>:<base64>}; blank lines and lines starting with {@code #} are
     * ignored).
     *
     * @throws KeyStoreFailure when the file cannot be read, is malformed, or (on POSIX file systems)
     *         can be read or written by its group or others
     */
    public static KeyEncryptionKey fromFile(Path file) {
        refuseIfSharedWithOthers(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot read the KEK file " + file, e);
        }
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .orElseThrow(() -> new KeyStoreFailure("the KEK file " + file + " holds no '<id>:<base64>' line"));
        try {
            return parse(line);
        } catch (IllegalArgumentException e) {
            throw new KeyStoreFailure("the KEK file " + file + " is malformed: " + e.getMessage());
        }
    }

    /**
     * For the quickstart: reads the KEK file, or on first start generates a KEK with {@code id} and
     * writes it there (0600). A KEK file written meanwhile by another process wins.
     *
     * @throws KeyStoreFailure as {@link #fromFile} and {@link #writeTo} do
     */
    public static KeyEncryptionKey fromFileOrGenerate(Path file, String id) {
        if (Files.exists(file)) {
            return fromFile(file);
        }
        KeyEncryptionKey generated = generate(id);
        try {
            generated.writeTo(file);
            return generated;
        } catch (KeyStoreFailure e) {
            if (Files.exists(file)) {
                return fromFile(file);
            }
            throw e;
        }
    }

    /**
     * Reads a KEK from an environment variable holding {@code <id>:<base64>}.
     *
     * @throws KeyStoreFailure when the variable is unset or malformed
     */
    public static KeyEncryptionKey fromEnvironment(String variableName) {
        return fromEnvironment(variableName, System::getenv);
    }

    static KeyEncryptionKey fromEnvironment(String variableName, Function<String, String> environment) {
        String value = environment.apply(variableName);
        if (value == null || value.isBlank()) {
            throw new KeyStoreFailure("the environment variable " + variableName + " holding the KEK is not set");
        }
        try {
            return parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyStoreFailure("the environment variable " + variableName + " is malformed: " + e.getMessage());
        }
    }

    private static KeyEncryptionKey parse(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected '<id>:<base64>'");
        }
        return fromBase64(line.substring(0, colon), line.substring(colon + 1));
    }

    /**
     * Writes this KEK to a new file that only its owner can read and write (0600 on POSIX file
     * systems, set at creation so there is no moment where others could read it).
     *
     * @throws KeyStoreFailure when the file exists or cannot be written
     */
    public void writeTo(Path file) {
        String content = "# SatuPintu key-encryption key: keep it out of the database and its backups\n"
                + id + ":" + Base64.getEncoder().encodeToString(key) + "\n";
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new KeyStoreFailure("the KEK file " + file + " exists; not overwriting it");
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot write the KEK file " + file, e);
        }
    }

    private static void refuseIfSharedWithOthers(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot read the KEK file " + file, e);
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new KeyStoreFailure("the KEK file " + file + " is accessible to group or others ("
                    + PosixFilePermissions.toString(permissions) + "); restrict it with chmod 600");
        }
    }

    public String id() {
        return id;
    }

    /** @return the AES key for wrapping and unwrapping data-encryption keys; a fresh object each call */
    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** @return whether both have the same id and the same key bytes (compared in constant time) */
    boolean sameAs(KeyEncryptionKey other) {
        return id.equals(other.id) && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + id + "]";
    }
}
