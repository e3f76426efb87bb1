package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import id.satupintu.keys.FileSigningKeyStore;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.SigningAlgorithm;
import id.satupintu.keys.SigningKeyRing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A quickstart data directory from before managed keys: the server starts, its old keys become the
 * ACTIVE keys with the same kids (the scheduled step generates none beside them), and the old file
 * is renamed.
 */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:quickstart-upgrade;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class QuickstartUpgradeTest {

    private static final Path DATA_DIR = temporaryDirectory();
    private static final SigningKeyRing OLD_KEYS = new FileSigningKeyStore(DATA_DIR.resolve("keys").resolve("signing.jwks"))
            .loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("satupintu.data-dir", DATA_DIR::toString);
    }

    @Autowired
    KeyRingCache cache;

    @Test
    void startWhenQuickstartKeysExistThenSameKidsSignAndNothingElseIsPublished() {
        List<String> oldKids = OLD_KEYS.publicJwkSet().getKeys().stream().map(JWK::getKeyID).toList();

        assertThat(cache.current().published().getKeys()).extracting(JWK::getKeyID)
                .containsExactlyInAnyOrderElementsOf(oldKids);
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            assertThat(cache.current().signer(KeyAlgorithm.fromJoseName(algorithm.name())).key().kid())
                    .isEqualTo(OLD_KEYS.active(algorithm).orElseThrow().getKeyID());
        }
        assertThat(Files.exists(DATA_DIR.resolve("keys").resolve("signing.jwks"))).isFalse();
        assertThat(Files.exists(DATA_DIR.resolve("keys").resolve("signing.jwks.imported"))).isTrue();
        assertThat(Files.exists(DATA_DIR.resolve("keys").resolve("kek"))).isTrue();
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("satupintu-upgrade-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
