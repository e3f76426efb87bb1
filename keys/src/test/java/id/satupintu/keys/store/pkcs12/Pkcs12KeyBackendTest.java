package id.satupintu.keys.store.pkcs12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyBackendContract;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.PrivateKeyHandle;

class Pkcs12KeyBackendTest extends KeyBackendContract {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("keys/satupintu.p12");
    }

    @Override
    protected KeyBackend backend() {
        return new Pkcs12KeyBackend(file(), PASSWORD);
    }

    @Test
    void idWhenAskedThenPkcs12() {
        assertThat(backend().id()).isEqualTo("pkcs12");
    }

    @Test
    void generateWhenFirstKeyThenFileCreatedReadableOnlyByOwnerWithAPrivateKeyEntryUnderTheKid() throws Exception {
        PublicKey publicKey = backend().generate("k1", KeySpec.of(KeyAlgorithm.ES256));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file())) {
            store.load(in, PASSWORD);
        }
        assertThat(store.isKeyEntry("k1")).isTrue();
        X509Certificate certificate = (X509Certificate) store.getCertificate("k1");
        assertThat(certificate.getPublicKey()).isEqualTo(publicKey);
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=k1");
        certificate.verify(publicKey);
        try (var files = Files.list(file().getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file());
        }
    }

    @Test
    void privateKeyWhenFileReopenedThenSameKeySigns() throws Exception {
        PublicKey publicKey = backend().generate("persisted", KeySpec.of(KeyAlgorithm.RS256));

        PrivateKeyHandle handle = new Pkcs12KeyBackend(file(), PASSWORD).privateKey("persisted");

        assertThat(handle.isHardwareBound()).isFalse();
        assertThat(verifies(KeyAlgorithm.RS256, publicKey, handle)).isTrue();
    }

    @Test
    void privateKeyWhenEd25519KeyReopenedThenSigns() throws Exception {
        PublicKey publicKey = backend().generate("ed", KeySpec.of(KeyAlgorithm.EDDSA));

        PrivateKeyHandle handle = new Pkcs12KeyBackend(file(), PASSWORD).privateKey("ed");

        assertThat(verifies(KeyAlgorithm.EDDSA, publicKey, handle)).isTrue();
    }

    @Test
    void privateKeyWhenWrongPasswordThenClearFailureWithoutThePassword() {
        backend().generate("k1", KeySpec.of(KeyAlgorithm.ES256));

        assertThatThrownBy(() -> new Pkcs12KeyBackend(file(), "wrong".toCharArray()).privateKey("k1"))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("wrong password for PKCS#12 file")
                .hasMessageContaining(file().toString())
                .hasMessageNotContaining("correct horse");
    }

    @Test
    void generateWhenWrongPasswordThenRefusedAndFileUnchanged() throws Exception {
        backend().generate("k1", KeySpec.of(KeyAlgorithm.ES256));
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> new Pkcs12KeyBackend(file(), "wrong".toCharArray())
                .generate("k2", KeySpec.of(KeyAlgorithm.ES256)))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("wrong password");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
    }

    @Test
    void privateKeyWhenFileIsNotPkcs12ThenFailureNamingTheFile() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not a keystore", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> backend().privateKey("k1")).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining(file().toString());
    }

    @Test
    void destroyWhenReopenedThenKeyGoneFromTheFile() {
        backend().generate("k1", KeySpec.of(KeyAlgorithm.ES256));
        backend().generate("k2", KeySpec.of(KeyAlgorithm.ES256));

        backend().destroy("k1");

        KeyBackend reopened = backend();
        assertThatThrownBy(() -> reopened.privateKey("k1")).isInstanceOf(KeyStoreFailure.class).hasMessageContaining("k1");
        assertThat(reopened.privateKey("k2")).isNotNull();
    }

    @Test
    void kidsWhenDifferingOnlyInCaseThenNeverConfused() {
        KeyBackend backend = backend();
        backend.generate("Key-A", KeySpec.of(KeyAlgorithm.ES256));

        assertThatThrownBy(() -> backend.generate("key-a", KeySpec.of(KeyAlgorithm.ES256)))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("ignore case");
        assertThatThrownBy(() -> backend().privateKey("key-a")).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("no key with kid key-a");
        backend().destroy("key-a");
        assertThat(backend().privateKey("Key-A")).isNotNull();
    }

    @Test
    void generateWhenKidHasDistinguishedNameSyntaxThenKeptExactly() {
        String kid = "a,b=c+d\\\"e";
        backend().generate(kid, KeySpec.of(KeyAlgorithm.ES256));

        assertThat(backend().privateKey(kid)).isNotNull();
    }

    @Test
    void privateKeyWhenFileMissingThenUnknownKidAndNoFileCreated() {
        assertThatThrownBy(() -> backend().privateKey("k1")).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("no key with kid k1");

        assertThat(file()).doesNotExist();
    }

    @Test
    void generateWhenFileCannotBeWrittenThenFailureNamingItAndNoKeyHeld() throws Exception {
        // a legal name whose temporary sibling is too long for the file system: reading works, writing fails
        Path file = dir.resolve("k".repeat(240) + ".p12");
        KeyBackend backend = new Pkcs12KeyBackend(file, PASSWORD);

        assertThatThrownBy(() -> backend.generate("k1", KeySpec.of(KeyAlgorithm.ES256)))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("cannot write PKCS#12 file " + file);
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> backend.privateKey("k1")).isInstanceOf(KeyStoreFailure.class);
    }

    @Test
    void constructorWhenPasswordEmptyThenRefused() {
        assertThatThrownBy(() -> new Pkcs12KeyBackend(file(), new char[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a password");
    }

    @Test
    void constructorWhenCallerClearsItsPasswordArrayThenBackendStillWorks() {
        char[] password = PASSWORD.clone();
        KeyBackend backend = new Pkcs12KeyBackend(file(), password);
        Arrays.fill(password, '\0');

        backend.generate("k1", KeySpec.of(KeyAlgorithm.ES256));

        assertThat(new Pkcs12KeyBackend(file(), PASSWORD).privateKey("k1")).isNotNull();
    }

    @Test
    void destroyWhenFileMissingThenNothingHappens() {
        backend().destroy("k1");

        assertThat(file()).doesNotExist();
    }

    @Test
    void generateWhenCalledFromManyThreadsThenEveryKeyKept() throws Exception {
        KeyBackend backend = backend();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PublicKey>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String kid = "t" + i;
                futures.add(pool.submit(() -> backend.generate(kid, KeySpec.of(KeyAlgorithm.ES256))));
            }
            for (Future<PublicKey> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        KeyBackend reopened = backend();
        for (int i = 0; i < 8; i++) {
            assertThat(reopened.privateKey("t" + i)).isNotNull();
        }
    }

    private static boolean verifies(KeyAlgorithm algorithm, PublicKey publicKey, PrivateKeyHandle handle) throws Exception {
        byte[] message = "satu pintu".getBytes(StandardCharsets.UTF_8);
        Signature signer = signature(algorithm, handle.provider());
        signer.initSign(handle.key());
        signer.update(message);
        Signature verifier = signature(algorithm, null);
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signer.sign());
    }
}
