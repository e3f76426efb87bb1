package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Tokens signed with the ACTIVE key of their alg on the fastest provider, indistinguishable from Spring's encoder output. */
class ManagedKeyJwtEncoderTest {

    private final TestKeyRings keys = new TestKeyRings();
    private final ManagedKeyJwtEncoder encoder = new ManagedKeyJwtEncoder(keys.cache);
    private JwtDecoder decoder;

    @BeforeEach
    void activeKeys() {
        keys.maintenance.runOnce();
        keys.changes.apply("test", null, () -> keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.PS256), true));
        keys.changes.apply("test", null, () -> keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), true));
        decoder = OAuth2AuthorizationServerConfiguration.jwtDecoder(new PublishedKeys(keys.cache));
    }

    @Test
    void encodeWhenEachAlgorithmThenActiveKidAndVerifiesWithPublishedKeys() {
        for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256)) {
            Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).type("JWT").build(), claims()));

            String activeKid = keys.cache.current().signer(KeyAlgorithm.fromJoseName(algorithm.getName())).key().kid();
            assertThat(jwt.getHeaders()).containsEntry("kid", activeKid).containsEntry("typ", "JWT");
            Jwt decoded = decoder.decode(jwt.getTokenValue());
            assertThat(decoded.getHeaders()).containsEntry("alg", algorithm.getName()).containsEntry("kid", activeKid);
            assertThat(decoded.getClaims()).containsEntry("acr", "urn:satupintu:loa:2")
                    .containsEntry("amr", List.of("pwd"));
            assertThat(decoded.getAudience()).containsExactly("client-a");
        }
    }

    @Test
    void encodeWhenSameInputThenSamePayloadAsSpringsEncoder() {
        JwtClaimsSet claims = claims();
        Jwt ours = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims));
        Jwt springs = new NimbusJwtEncoder(new ActiveSigningKeys(keys.cache))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims));

        assertThat(payload(ours.getTokenValue())).isEqualTo(payload(springs.getTokenValue()));
        assertThat(ours.getClaims()).isEqualTo(springs.getClaims());
    }

    @Test
    void encodeWhenAlgorithmHasNoActiveKeyOrIsNotManagedThenEncodingException() {
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims())))
                .isInstanceOf(JwtEncodingException.class).hasMessageContaining("HS256");
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES384).build(), claims())))
                .isInstanceOf(JwtEncodingException.class);
    }

    @Test
    void encodeWhenHeaderNamesRetiredKidThenRefused() {
        String retired = keys.store.all().stream().filter(k -> k.state() == id.satupintu.keys.KeyState.RETIRED)
                .findFirst().orElseThrow().kid();

        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES256).keyId(retired).build(), claims())))
                .isInstanceOf(JwtEncodingException.class).hasMessageContaining(retired);
    }

    private static JwtClaimsSet claims() {
        return JwtClaimsSet.builder().issuer("https://idp.example").subject("citizen").audience(List.of("client-a"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).id("jti-1")
                .claim("acr", "urn:satupintu:loa:2").claim("amr", List.of("pwd"))
                .build();
    }

    private static String payload(String jwt) {
        return jwt.split("\\.")[1];
    }

}
