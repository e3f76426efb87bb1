package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Jwks;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The published keys (oidcc-discovery jwks checks; RFC 7517) and their HTTP caching. */
@DisplayName("oidcc-discovery-jwks")
class OidccDiscoveryJwksTest extends ConformanceTest {

    @Test
    @DisplayName("every key has a unique kid, an alg, use=sig and no private parts")
    void keysWhenPublishedThenKidAlgUseAndPublicOnly() {
        JWKSet keys = Jwks.fetch(harness.discovery());
        assertThat(keys.getKeys()).isNotEmpty();
        for (JWK key : keys.getKeys()) {
            assertThat(key.getKeyID()).as("kid").isNotBlank();
            assertThat(key.getAlgorithm()).as("alg of " + key.getKeyID()).isNotNull();
            assertThat(key.getKeyUse()).as("use of " + key.getKeyID()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.isPrivate()).as("private parts in " + key.getKeyID()).isFalse();
        }
        assertThat(keys.getKeys().stream().map(JWK::getKeyID).distinct()).hasSameSizeAs(keys.getKeys());
    }

    @Test
    @DisplayName("every advertised ID token algorithm has a published key")
    void keysWhenPublishedThenOnePerAdvertisedAlgorithm() {
        Set<String> published = Jwks.fetch(harness.discovery()).getKeys().stream()
                .map(key -> key.getAlgorithm().getName()).collect(Collectors.toSet());
        assertThat(published).containsAll(harness.discovery().list("id_token_signing_alg_values_supported"));
    }

    @Test
    @DisplayName("the JWKS response is JSON with Cache-Control max-age and an ETag")
    void jwksWhenFetchedThenCacheControlMaxAgeAndEtag() {
        HttpResponse<String> response = Jwks.fetchRaw(harness.discovery());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).containsPattern("max-age=[1-9][0-9]*"));
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    @DisplayName("a conditional GET with the current ETag gets 304 Not Modified")
    void jwksWhenIfNoneMatchCurrentEtagThenNotModified() {
        String etag = Jwks.fetchRaw(harness.discovery()).headers().firstValue("ETag").orElseThrow(
                () -> new AssertionError("no ETag on the JWKS response"));
        HttpResponse<String> conditional = Jwks.fetchRaw(harness.discovery(), "If-None-Match", etag);
        assertThat(conditional.statusCode()).isEqualTo(304);
    }

    @Test
    @DisplayName("the JWK Set has only a keys member")
    void jwksWhenFetchedThenKeysMember() {
        Map<String, Object> json = Jwks.fetch(harness.discovery()).toJSONObject(true);
        assertThat(json).containsOnlyKeys("keys");
    }
}
