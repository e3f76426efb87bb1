package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.Jwks;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-idtoken-signature: the ID token is signed (not alg none), its kid names a key in the
 * JWKS, and only that key verifies it (OIDC Core §3.1.3.7 rules 6-8, §10.1).
 */
@DisplayName("oidcc-idtoken-signature")
class OidccIdtokenSignatureTest extends ConformanceTest {

    @Test
    @DisplayName("ID token: asymmetric alg, kid in the JWKS, signature verifies with that key and no other")
    void idTokenWhenIssuedThenVerifiesWithTheKeyItNames() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(client);
        SignedJWT jwt = IdTokens.parse(flow.tokens().idToken());

        assertThat(jwt.getHeader().getAlgorithm().getName()).isIn("RS256", "PS256", "ES256");
        JWK named = Jwks.fetch(harness.discovery()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(named).as("key named by kid").isNotNull();
        assertThat(IdTokens.verifySignature(jwt, named)).isTrue();
        for (JWK other : Jwks.fetch(harness.discovery()).getKeys()) {
            if (!other.getKeyID().equals(named.getKeyID()) && other.getKeyType().equals(named.getKeyType())) {
                assertThat(IdTokens.verifySignature(jwt, other)).as("verified by " + other.getKeyID()).isFalse();
            }
        }
    }
}
