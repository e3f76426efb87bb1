package id.satupintu.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSigningKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void loadOrCreateWhenFileMissingThenGeneratesOneKeyPerAlgorithmReadableOnlyByOwner() throws Exception {
        Path file = dir.resolve("keys/signing.jwks");

        SigningKeyRing ring = new FileSigningKeyStore(file).loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));

        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            assertThat(ring.active(algorithm)).get().extracting(JWK::getAlgorithm).isEqualTo(algorithm.jws());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void loadOrCreateWhenRestartedThenKeepsTheSameKeyIds() {
        Path file = dir.resolve("signing.jwks");
        SigningKeyRing first = new FileSigningKeyStore(file).loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));

        SigningKeyRing second = new FileSigningKeyStore(file).loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));

        assertThat(second.publicJwkSet().toString()).isEqualTo(first.publicJwkSet().toString());
    }

    @Test
    void loadOrCreateWhenAnAlgorithmIsAddedThenKeepsExistingKeysAndAddsTheNewOne() {
        Path file = dir.resolve("signing.jwks");
        SigningKeyRing first = new FileSigningKeyStore(file).loadOrCreate(Set.of(SigningAlgorithm.RS256));

        SigningKeyRing second = new FileSigningKeyStore(file)
                .loadOrCreate(Set.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256));

        assertThat(second.active(SigningAlgorithm.RS256).get().getKeyID())
                .isEqualTo(first.active(SigningAlgorithm.RS256).get().getKeyID());
        assertThat(second.active(SigningAlgorithm.ES256)).isPresent();
    }

    @Test
    void publicJwkSetWhenPublishedThenHoldsNoPrivateParts() {
        SigningKeyRing ring = new FileSigningKeyStore(dir.resolve("k.jwks"))
                .loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));

        assertThat(ring.publicJwkSet().getKeys()).hasSize(3).noneMatch(JWK::isPrivate);
        assertThat(ring.publicJwkSet().toString()).doesNotContain("\"d\"");
    }

    @Test
    void activeKeyWhenSigningThenVerifiesWithThePublishedPublicKey() throws Exception {
        SigningKeyRing ring = new FileSigningKeyStore(dir.resolve("k.jwks"))
                .loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            JWK key = ring.active(algorithm).orElseThrow();
            JWSObject jws = new JWSObject(new JWSHeader.Builder(algorithm.jws()).keyID(key.getKeyID()).build(),
                    new Payload("hello"));
            jws.sign(new DefaultJWSSignerFactory().createJWSSigner(key, algorithm.jws()));

            JWK published = ring.publicJwkSet().getKeyByKeyId(key.getKeyID());
            boolean valid = jws.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(),
                    published.getKeyType().getValue().equals("EC") ? published.toECKey().toECPublicKey()
                            : published.toRSAKey().toRSAPublicKey()));
            assertThat(valid).as(algorithm.name()).isTrue();
        }
    }

    @Test
    void loadOrCreateWhenFileIsCorruptThenFailsWithoutEchoingItsContent() throws Exception {
        Path file = dir.resolve("k.jwks");
        Files.writeString(file, "{\"keys\": [ not json");

        assertThatThrownBy(() -> new FileSigningKeyStore(file).loadOrCreate(Set.of(SigningAlgorithm.RS256)))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("cannot read signing keys")
                .hasMessageNotContaining("not json");
    }
}
