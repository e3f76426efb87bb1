package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/**
 * Rotation as the server runs it, on one node: {@link ManagedKeyJwtEncoder} signs with
 * the ACTIVE keys, verifiers use {@link PublishedKeys} (what the JWKS endpoint serves),
 * and the clock moves instead of the test sleeping.
 */
class KeyRotationTest {

    private final TestKeyRings keys = new TestKeyRings();
    private final ManagedKeyJwtEncoder encoder = new ManagedKeyJwtEncoder(keys.cache);
    private final JwtDecoder decoder = OAuth2AuthorizationServerConfiguration.jwtDecoder(new PublishedKeys(keys.cache));

    @Test
    void firstMaintenanceWhenRingEmptyThenOneActiveKeyPerAlgorithmSignsAndIsPublished() {
        keys.maintenance.runOnce();

        assertThat(keys.cache.current().signing().getKeys()).hasSize(2)
                .allSatisfy(jwk -> assertThat(jwk.isPrivate()).isTrue());
        assertThat(keys.cache.current().published().getKeys()).hasSize(2)
                .allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
        Jwt token = sign(SignatureAlgorithm.RS256);
        assertThat(decoder.decode(token.getTokenValue()).getSubject()).isEqualTo("citizen");
        assertThat(keys.audit.types()).containsOnly("keys.generated", "keys.activated");
    }

    @Test
    void rotateWhenNotImmediateThenNextKeyPublishedBeforeItSigns() {
        keys.maintenance.runOnce();
        String activeKid = kidOf(sign(SignatureAlgorithm.RS256));

        ManagedKey next = keys.changes.apply("ops", null,
                () -> keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.RS256), false));

        assertThat(publishedKids()).contains(next.kid(), activeKid);
        assertThat(kidOf(sign(SignatureAlgorithm.RS256))).isEqualTo(activeKid);
        assertThat(keys.audit.recent("keys.generated", 1).get(0).detail()).containsEntry("kid", next.kid());
    }

    @Test
    void tokenSignedBeforeRotationWhenVerifiedAfterThenValidUntilRetiredLifetimeEnds() {
        keys.maintenance.runOnce();
        Jwt before = sign(SignatureAlgorithm.RS256);

        keys.changes.apply("ops", null,
                () -> keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.RS256), true));
        Jwt after = sign(SignatureAlgorithm.RS256);

        assertThat(kidOf(after)).isNotEqualTo(kidOf(before));
        assertThat(decoder.decode(before.getTokenValue()).getId()).isEqualTo(before.getId());
        assertThat(state(kidOf(before))).isEqualTo(KeyState.RETIRED);

        keys.clock.advance(TestKeyRings.POLICY.retiredLifetime().minusMinutes(1));
        keys.maintenance.runOnce();
        assertThat(publishedKids()).contains(kidOf(before));

        keys.clock.advance(Duration.ofMinutes(1));
        keys.maintenance.runOnce();
        assertThat(publishedKids()).doesNotContain(kidOf(before)).contains(kidOf(after));
        assertThat(state(kidOf(before))).isEqualTo(KeyState.DESTROYED);
        assertThat(keys.audit.recent("keys.destroyed", 1).get(0).detail()).containsEntry("kid", kidOf(before));
        assertThatThrownBy(() -> decoder.decode(before.getTokenValue())).isInstanceOf(JwtException.class);
    }

    @Test
    void scheduledRotationWhenActiveKeyAgesThenSuccessorPublishedForLeadTimeThenSigns() {
        keys.maintenance.runOnce();
        String first = kidOf(sign(SignatureAlgorithm.ES256));

        keys.clock.advance(TestKeyRings.POLICY.activeLifetime().minus(TestKeyRings.POLICY.publishLead()));
        keys.maintenance.runOnce();
        List<String> published = publishedKids();
        assertThat(published).hasSize(4);
        assertThat(kidOf(sign(SignatureAlgorithm.ES256))).isEqualTo(first);

        keys.clock.advance(TestKeyRings.POLICY.publishLead());
        keys.maintenance.runOnce();
        String second = kidOf(sign(SignatureAlgorithm.ES256));
        assertThat(second).isNotEqualTo(first);
        assertThat(published).contains(second);
        assertThat(state(first)).isEqualTo(KeyState.RETIRED);
    }

    @Test
    void publishedSetWhenRingChangesThenEtagChanges() throws Exception {
        keys.maintenance.runOnce();
        String etag = keys.cache.current().etag();

        keys.changes.apply("ops", null,
                () -> keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), false));

        assertThat(keys.cache.current().etag()).isNotEqualTo(etag);
        assertThat(JWKSet.parse(new String(keys.cache.current().publishedBody(), java.nio.charset.StandardCharsets.UTF_8))
                .getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrderElementsOf(publishedKids());
    }

    @Test
    void cacheWhenAnotherWriterChangesStoreThenReloadedOnRefreshOnly() throws Exception {
        keys.maintenance.runOnce();
        List<String> before = publishedKids();

        keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.RS256), false); // another node, no notification

        assertThat(publishedKids()).isEqualTo(before);
        assertThat(keys.cache.refresh()).isTrue();
        assertThat(publishedKids()).hasSize(before.size() + 1);
        assertThat(keys.cache.refresh()).isFalse();
    }

    @Test
    void cacheWhenKeyRetiredThenItsPrivateKeyForgottenInThisJvm() {
        java.util.List<String> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();
        KeyRingCache cache = new KeyRingCache(keys.manager, id.satupintu.keys.jca.JwsSigners.onFastestProviders(),
                Duration.ofSeconds(5), forgotten::add);
        keys.maintenance.runOnce();
        String old = kidOf(sign(SignatureAlgorithm.RS256));

        keys.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.RS256), true);
        cache.refresh();

        assertThat(forgotten).containsExactly(old);
    }

    private Jwt sign(SignatureAlgorithm algorithm) {
        // wall-clock dates: the decoder checks expiry against the real time; the key ring's clock is the test's
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("citizen").issuer("https://idp.example")
                .id(java.util.UUID.randomUUID().toString()).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(algorithm).build(), claims));
    }

    private static String kidOf(Jwt jwt) {
        return (String) jwt.getHeaders().get("kid");
    }

    private List<String> publishedKids() {
        return keys.cache.current().published().getKeys().stream().map(JWK::getKeyID).toList();
    }

    private KeyState state(String kid) {
        return keys.store.find(kid).orElseThrow().state();
    }
}
