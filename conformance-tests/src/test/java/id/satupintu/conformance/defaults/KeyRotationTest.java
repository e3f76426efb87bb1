package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Key rotation seen from outside, on two nodes sharing PostgreSQL and Redis: a successor appears in
 * the JWKS before it signs, tokens signed before a rotation keep verifying through the published
 * JWKS, and both nodes agree on the signing key within seconds of a rotation on either.
 */
@DisplayName("signing-key rotation")
class KeyRotationTest extends ConformanceTest {

    private static final Duration AGREEMENT = Duration.ofSeconds(10);

    @Test
    @DisplayName("rotation on node A: NEXT in both nodes' JWKS before it signs; immediate rotation on B signs on A; old tokens verify")
    void rotateWhenRequestedOnOneNodeThenBothNodesAgreeAndOldTokensStillVerify() throws Exception {
        URI nodeA = harness.server().issuer();
        URI nodeB = harness.server().secondNode();
        String before = AdminApi.token(harness, "agency.admin");
        String oldKid = kid(before);

        HttpResponse<String> next = rotate(nodeA, before, "RS256", false);
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        String nextKid = (String) Json.object(next.body()).get("kid");
        assertThat(Json.object(next.body())).containsEntry("state", "NEXT");
        assertThat(kids(jwks(nodeA))).contains(nextKid, oldKid);
        awaitTrue(() -> kids(jwks(nodeB)).contains(nextKid), "node B publishes the NEXT key");
        assertThat(kid(AdminApi.token(harness, "agency.admin"))).as("a NEXT key does not sign").isEqualTo(oldKid);

        HttpResponse<String> now = rotate(nodeB, before, "RS256", true);
        assertThat(now.statusCode()).as(now.body()).isEqualTo(201);
        String activeKid = (String) Json.object(now.body()).get("kid");
        awaitTrue(() -> activeKid.equals(kid(AdminApi.token(harness, "agency.admin"))), "node A signs with B's new key");

        JWKSet published = jwks(nodeA);
        assertThat(kids(published)).as("retired key still published").contains(oldKid, activeKid);
        assertThat(verifies(before, published)).as("token signed before the rotation verifies").isTrue();
        assertThat(list(nodeA, before).statusCode()).as("and the server itself still accepts it").isEqualTo(200);
        assertThat(list(nodeB, before).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("GET /admin/keys lists states and dates, never private material")
    void listWhenAdminThenKeysWithoutPrivateParts() {
        HttpResponse<String> response = list(harness.server().issuer(), AdminApi.token(harness, "agency.admin"));

        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) Json.object(response.body()).get("keys");
        assertThat(keys).anySatisfy(key -> assertThat(key).containsEntry("state", "ACTIVE")
                .containsEntry("purpose", "OIDC_SIGNING").containsKeys("kid", "alg", "size", "backend", "activated_at"));
        assertThat(response.body()).doesNotContain("\"d\"").doesNotContain("private");
    }

    @Test
    @DisplayName("key administration without a token is 401, with a registrar's token 403, bad input 400, unknown kid 404")
    void adminWhenUnauthorisedOrInvalidThenRefusedWithJsonErrors() {
        URI node = harness.server().issuer();
        assertThat(BackChannel.send(HttpRequest.newBuilder(node.resolve("/admin/keys/rotate?alg=RS256"))
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(401);
        assertThat(rotate(node, AdminApi.token(harness, "client.create"), "RS256", true).statusCode()).isEqualTo(403);

        String admin = AdminApi.token(harness, "agency.admin");
        HttpResponse<String> badAlg = rotate(node, admin, "HS256", false);
        assertThat(badAlg.statusCode()).isEqualTo(400);
        assertThat(Json.object(badAlg.body())).containsEntry("error", "invalid_request").containsKey("error_description");
        HttpResponse<String> unknown = BackChannel.send(HttpRequest.newBuilder(node.resolve("/admin/keys/no-such-kid/retire"))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + admin);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.object(unknown.body())).containsEntry("error", "unknown_key");
    }

    private static HttpResponse<String> rotate(URI node, String bearer, String alg, boolean immediately) {
        return BackChannel.send(HttpRequest.newBuilder(node.resolve("/admin/keys/rotate?purpose=OIDC_SIGNING&alg=" + alg
                + "&immediately=" + immediately)).POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + bearer);
    }

    private static HttpResponse<String> list(URI node, String bearer) {
        return BackChannel.send(HttpRequest.newBuilder(node.resolve("/admin/keys")).GET(), "Authorization", "Bearer " + bearer);
    }

    private JWKSet jwks(URI node) {
        HttpResponse<String> response = BackChannel.get(node.resolve(harness.discovery().jwksUri().getPath()));
        try {
            return JWKSet.parse(response.body());
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JWK Set: " + response.body(), e);
        }
    }

    private static List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return (String) Json.object(header).get("kid");
    }

    private static boolean verifies(String jwt, JWKSet published) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        JWK key = published.getKeyByKeyId(signed.getHeader().getKeyID());
        JWSVerifier verifier = new RSASSAVerifier(key.toRSAKey());
        return signed.verify(verifier);
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(AGREEMENT);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within " + AGREEMENT);
            }
            Thread.sleep(200);
        }
    }
}
