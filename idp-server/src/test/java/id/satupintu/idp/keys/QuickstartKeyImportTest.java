package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.keys.FileSigningKeyStore;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.SigningAlgorithm;
import id.satupintu.keys.SigningKeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** The quickstart's generated keys move into the managed ring with no change relying parties can see. */
class QuickstartKeyImportTest {

    @TempDir
    Path dataDir;

    private final TestKeyRings keys = new TestKeyRings();

    @Test
    void importWhenQuickstartFileExistsThenSameKidsActiveAndOldTokensVerify() throws Exception {
        Path file = dataDir.resolve("keys").resolve("signing.jwks");
        SigningKeyRing old = new FileSigningKeyStore(file).loadOrCreate(EnumSet.allOf(SigningAlgorithm.class));
        JWK oldRs256 = old.active(SigningAlgorithm.RS256).orElseThrow();
        String issuedBefore = signWith(oldRs256);

        List<String> imported = importer().importFrom(file);

        assertThat(imported).containsExactlyInAnyOrderElementsOf(
                old.publicJwkSet().getKeys().stream().map(JWK::getKeyID).toList());
        assertThat(imported).allSatisfy(kid -> assertThat(keys.store.find(kid).orElseThrow().state()).isEqualTo(KeyState.ACTIVE));
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(file.resolveSibling("signing.jwks.imported"))).isTrue();

        keys.cache.refresh();
        keys.maintenance.runOnce();
        JwtDecoder decoder = OAuth2AuthorizationServerConfiguration.jwtDecoder(new PublishedKeys(keys.cache));
        assertThat(decoder.decode(issuedBefore).getSubject()).isEqualTo("citizen");
        assertThat(kidOfNewToken(SignatureAlgorithm.RS256)).isEqualTo(oldRs256.getKeyID());
        assertThat(kidOfNewToken(SignatureAlgorithm.ES256)).isEqualTo(old.active(SigningAlgorithm.ES256).orElseThrow().getKeyID());
        assertThat(keys.audit.types()).doesNotContain("keys.generated");
    }

    @Test
    void importWhenNoFileThenNothingImported() {
        assertThat(importer().importFrom(dataDir.resolve("keys").resolve("signing.jwks"))).isEmpty();
        assertThat(keys.store.all()).isEmpty();
    }

    @Test
    void importWhenRunAgainAfterRenameThenFileNeverReadAgain() {
        Path file = dataDir.resolve("keys").resolve("signing.jwks");
        new FileSigningKeyStore(file).loadOrCreate(EnumSet.of(SigningAlgorithm.ES256));
        importer().importFrom(file);

        assertThat(importer().importFrom(file)).isEmpty();
        assertThat(keys.store.all()).hasSize(1);
    }

    private QuickstartKeyImport importer() {
        return new QuickstartKeyImport(keys.store, keys.backend, keys.backend.id(), keys.clock);
    }

    private String kidOfNewToken(SignatureAlgorithm algorithm) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("citizen").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).build();
        return (String) new NimbusJwtEncoder(new ActiveSigningKeys(keys.cache))
                .encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).build(), claims)).getHeaders().get("kid");
    }

    private static String signWith(JWK key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("citizen").issueTime(new java.util.Date())
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new RSASSASigner(key.toRSAKey()));
        return jwt.serialize();
    }
}
