package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-rp-initiated-logout-bad-id-token-hint: an {@code id_token_hint} the provider never issued (a
 * well-formed ID token with the right claims, signed by a key that is not the provider's) is refused:
 * an error page, no redirect to the {@code post_logout_redirect_uri}, never a 500, and the session
 * is not ended (RP-Initiated Logout 1.0 §2, §4).
 */
@DisplayName("oidcc-rp-initiated-logout-bad-id-token-hint")
class OidccRpInitiatedLogoutBadIdTokenHintTest extends ConformanceTest {

    private static TestClient client;
    private static String postLogoutUri;
    private static RpInitiatedLogout logout;

    @BeforeAll
    static void registerClientWithPostLogoutUri() {
        postLogoutUri = harness.clients().callback("/signed-out");
        client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri));
        logout = new RpInitiatedLogout(harness);
    }

    @Test
    @DisplayName("id_token_hint signed by another key: error page, no redirect, session kept")
    void logoutWhenHintSignedByAnotherKeyThenRefusedWithoutRedirectAndSessionKept() throws JOSEException {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", signedByAnotherKey(flow.idToken()),
                "post_logout_redirect_uri", postLogoutUri, "state", "bad-hint");

        assertThat(page.leftServer()).as("redirect on a hint the provider never issued: " + page).isFalse();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(logout.stillSignedIn(browser, client)).as("session after a refused logout").isTrue();
    }

    /** The same claims, signed by a fresh key the provider never published. */
    private static String signedByAnotherKey(JWTClaimsSet claims) throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        JWTClaimsSet copy = new JWTClaimsSet.Builder(claims).issueTime(new Date()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), copy);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
