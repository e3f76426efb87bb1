package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.store.database.KeyEncryptionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption key comes from, and that only the quickstart may make one up. */
class KekProvisioningTest {

    @TempDir
    Path dataDir;

    private static final String KEK_B64 = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void kekWhenEnvironmentSetThenUsedBeforeFile() {
        KeyEncryptionKey kek = new KekProvisioning(Map.of(KekProvisioning.ENVIRONMENT, "prod-2026:" + KEK_B64)::get)
                .kek(dataDir.resolve("no-such-file"), dataDir, false);

        assertThat(kek.id()).isEqualTo("prod-2026");
    }

    @Test
    void kekWhenFileConfiguredThenReadFromIt() {
        Path file = dataDir.resolve("kek-file");
        KeyEncryptionKey.generate("from-file").writeTo(file);

        assertThat(new KekProvisioning(name -> null).kek(file, dataDir, false).id()).isEqualTo("from-file");
    }

    @Test
    void kekWhenNothingConfiguredOutsideQuickstartThenStartupFailsWithClearMessage() {
        assertThatThrownBy(() -> new KekProvisioning(name -> null).kek(null, dataDir, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SATUPINTU_KEK").hasMessageContaining("satupintu.keys.kek-file");
        assertThat(Files.exists(dataDir.resolve("keys").resolve("kek"))).isFalse();
    }

    @Test
    void kekWhenQuickstartFirstStartThenGeneratedOwnerOnlyAndReusedAfterwards() throws Exception {
        KekProvisioning provisioning = new KekProvisioning(name -> null);

        KeyEncryptionKey first = provisioning.kek(null, dataDir, true);
        Path file = dataDir.resolve("keys").resolve("kek");

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(provisioning.kek(null, dataDir, true).id()).isEqualTo(first.id());
    }

    @Test
    void kekWhenEnvironmentMalformedThenClearFailure() {
        assertThatThrownBy(() -> new KekProvisioning(Map.of(KekProvisioning.ENVIRONMENT, "no-colon")::get)
                .kek(null, dataDir, true))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("<id>:<base64>");
    }
}
