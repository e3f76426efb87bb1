package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jwt.JWTClaimsSet;
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
 * oidcc-rp-initiated-logout-modified-id-token-hint: the provider's own ID token with its payload
 * changed (another {@code sub}) and the original signature kept no longer verifies, so it is refused:
 * an error page, no redirect, never a 500, the session not ended (RP-Initiated Logout 1.0 §2, §4).
 */
@DisplayName("oidcc-rp-initiated-logout-modified-id-token-hint")
class OidccRpInitiatedLogoutModifiedIdTokenHintTest extends ConformanceTest {

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
    @DisplayName("id_token_hint with a modified payload: error page, no redirect, session kept")
    void logoutWhenHintPayloadModifiedThenRefusedWithoutRedirectAndSessionKept() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));
        String idToken = flow.tokens().idToken();
        String[] parts = idToken.split("\\.");
        JWTClaimsSet modified = new JWTClaimsSet.Builder(flow.idToken()).subject(flow.sub() + "x").build();
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                modified.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        Page page = logout.logout(browser, "id_token_hint", forged, "post_logout_redirect_uri", postLogoutUri,
                "state", "modified-hint");

        assertThat(page.leftServer()).as("redirect on a modified hint: " + page).isFalse();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(logout.stillSignedIn(browser, client)).as("session after a refused logout").isTrue();
    }
}
