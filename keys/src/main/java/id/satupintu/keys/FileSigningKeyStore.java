package id.satupintu.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * Quickstart key storage: one JWK Set file (RFC 7517 §5) holding the private signing keys, readable
 * only by its owner, under the server's data directory. Keys are generated on first start and the
 * same {@code kid}s are reused on every later start, so tokens stay verifiable across restarts.
 * Production key storage (database with envelope encryption, PKCS#11) replaces this class.
 */
public final class FileSigningKeyStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public FileSigningKeyStore(Path file) {
        this.file = file;
    }

    /**
     * Reads the key file and adds a key for each wanted algorithm that it lacks.
     *
     * @return the ring of active keys, one per wanted algorithm
     */
    public synchronized SigningKeyRing loadOrCreate(Set<SigningAlgorithm> wanted) {
        List<JWK> keys = new ArrayList<>(read());
        EnumSet<SigningAlgorithm> present = EnumSet.noneOf(SigningAlgorithm.class);
        keys.forEach(k -> present.add(SigningAlgorithm.of(k)));
        boolean changed = false;
        for (SigningAlgorithm algorithm : wanted) {
            if (!present.contains(algorithm)) {
                keys.add(algorithm.generate());
                changed = true;
            }
        }
        if (changed) {
            write(keys);
        }
        return new SigningKeyRing(keys);
    }

    private List<JWK> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys();
        } catch (IOException | ParseException e) {
            throw new KeyStoreFailure("cannot read signing keys from " + file, e);
        }
    }

    private void write(List<JWK> keys) {
        String json = new JWKSet(keys).toString(false);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".keys", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot write signing keys to " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, OWNER_ONLY);
        }
    }
}
