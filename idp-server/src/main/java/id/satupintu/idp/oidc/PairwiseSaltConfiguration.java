package id.satupintu.idp.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import id.satupintu.idp.SatuPintuProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pairwise salt is configured ({@code satupintu.pairwise-salt}, base64, shared by every node) or,
 * for the quickstart, generated once into the data directory. Losing it changes every citizen's
 * {@code sub} at every agency, so production must configure it.
 */
@Configuration(proxyBeanMethods = false)
public class PairwiseSaltConfiguration {

    @Bean
    PairwiseSubjects pairwiseSubjects(SatuPintuProperties properties) {
        String configured = properties.pairwiseSalt();
        if (configured != null && !configured.isBlank()) {
            return new PairwiseSubjects(Base64.getDecoder().decode(configured.trim()));
        }
        return new PairwiseSubjects(loadOrCreate(properties.dataDir().resolve("keys").resolve("pairwise.salt")));
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), Base64.getEncoder().encodeToString(salt));
            return salt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pairwise salt at " + file, e);
        }
    }
}
