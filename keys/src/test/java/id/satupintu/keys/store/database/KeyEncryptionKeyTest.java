package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.satupintu.keys.KeyStoreFailure;

class KeyEncryptionKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path directory;

    @Test
    void fromBase64When32BytesThenKeyWithThatId() {
        KeyEncryptionKey kek = KeyEncryptionKey.fromBase64("kek-1", KEY);

        assertThat(kek.id()).isEqualTo("kek-1");
        assertThat(kek.secretKey().getEncoded()).hasSize(32);
        assertThat(kek.secretKey().getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void fromBase64WhenNot32BytesThenRefusedNamingTheSize() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("kek-1", Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes").hasMessageContaining("16");
    }

    @Test
    void fromBase64WhenNotBase64ThenRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("kek-1", "s3cret!!s3cret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid base64")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void fromBase64WhenIdMalformedThenRefused() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("kek 1:x", KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyEncryptionKey.fromBase64("", KEY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenPrintedThenIdOnly() {
        KeyEncryptionKey kek = KeyEncryptionKey.generate("kek-1");

        assertThat(kek.toString()).isEqualTo("KeyEncryptionKey[kek-1]")
                .doesNotContain(Base64.getEncoder().encodeToString(kek.secretKey().getEncoded()));
    }

    @Test
    void generateWhenCalledTwiceThenDifferentKeys() {
        assertThat(KeyEncryptionKey.generate("a").sameAs(KeyEncryptionKey.generate("a"))).isFalse();
    }

    @Test
    void writeToThenFromFileWhenOwnerOnlyThenSameKeyAndMode0600() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.generate("kek-quickstart");
        Path file = directory.resolve("kek");

        kek.writeTo(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyEncryptionKey.fromFile(file).sameAs(kek)).isTrue();
    }

    @Test
    void writeToWhenFileExistsThenRefusedAndFileKept() throws Exception {
        Path file = directory.resolve("kek");
        KeyEncryptionKey first = KeyEncryptionKey.generate("kek-1");
        first.writeTo(file);

        assertThatThrownBy(() -> KeyEncryptionKey.generate("kek-2").writeTo(file)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("exists");

        assertThat(KeyEncryptionKey.fromFile(file).sameAs(first)).isTrue();
    }

    @Test
    void fromFileOrGenerateWhenAbsentThenGeneratedWrittenAndReadBackNextTime() throws Exception {
        Path file = directory.resolve("data").resolve("kek");
        Files.createDirectories(file.getParent());

        KeyEncryptionKey first = KeyEncryptionKey.fromFileOrGenerate(file, "kek-quickstart");
        KeyEncryptionKey second = KeyEncryptionKey.fromFileOrGenerate(file, "kek-other");

        assertThat(first.id()).isEqualTo("kek-quickstart");
        assertThat(second.sameAs(first)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void fromFileWhenGroupReadableThenRefused() throws Exception {
        Path file = directory.resolve("kek");
        KeyEncryptionKey.generate("kek-1").writeTo(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(file)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("group or others").hasMessageContaining("chmod 600");
    }

    @Test
    void fromFileWhenOthersReadableThenRefused() throws Exception {
        Path file = directory.resolve("kek");
        KeyEncryptionKey.generate("kek-1").writeTo(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(file)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("group or others");
    }

    @Test
    void fromFileWhenCommentsAndBlankLinesThenFirstKeyLineRead() throws Exception {
        Path file = ownerOnly("# rotated 2026-07\n\n  kek-7:" + KEY + "  \n");

        assertThat(KeyEncryptionKey.fromFile(file).id()).isEqualTo("kek-7");
    }

    @Test
    void fromFileWhenNoKeyLineThenRefused() throws Exception {
        Path file = ownerOnly("# nothing\n");

        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(file)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("holds no");
    }

    @Test
    void fromFileWhenMalformedThenRefusedWithoutQuotingIt() throws Exception {
        Path file = ownerOnly("just-a-secret-without-id\n");

        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(file)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("malformed").hasMessageNotContaining("just-a-secret");
    }

    @Test
    void fromFileWhenMissingThenKeyStoreFailure() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromFile(directory.resolve("absent")))
                .isInstanceOf(KeyStoreFailure.class);
    }

    @Test
    void fromEnvironmentWhenSetThenRead() {
        KeyEncryptionKey kek = KeyEncryptionKey.fromEnvironment("SATUPINTU_KEK",
                Map.of("SATUPINTU_KEK", "kek-env:" + KEY)::get);

        assertThat(kek.id()).isEqualTo("kek-env");
    }

    @Test
    void fromEnvironmentWhenUnsetThenFailureNamingTheVariable() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment("SATUPINTU_KEK", name -> null))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("SATUPINTU_KEK").hasMessageContaining("not set");
    }

    @Test
    void fromEnvironmentWhenMalformedThenFailureNamingTheVariable() {
        assertThatThrownBy(() -> KeyEncryptionKey.fromEnvironment("SATUPINTU_KEK", name -> "kek-env:tooshort"))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("SATUPINTU_KEK")
                .hasMessageContaining("malformed");
    }

    private Path ownerOnly(String content) throws Exception {
        Path file = directory.resolve("kek-" + System.nanoTime());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }
}
