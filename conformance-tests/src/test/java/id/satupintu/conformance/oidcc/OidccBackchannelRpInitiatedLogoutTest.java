package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.LogoutTokenChecks;
import id.satupintu.conformance.harness.logout.LogoutTokenReceiver;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-backchannel-rp-initiated-logout: a client registered with a {@code backchannel_logout_uri}
 * (Back-Channel Logout 1.0 §2.2) signs the citizen in and asks for logout. Its endpoint receives a
 * logout token that verifies with the provider's JWKS and carries what §2.4 lists, the {@code sid} of
 * the ID token and its {@code sub}; the browser is sent back with {@code state} and the session is
 * over. Also: an endpoint that answers an error (§2.8) does not hold up the browser's logout.
 */
@DisplayName("oidcc-backchannel-rp-initiated-logout")
class OidccBackchannelRpInitiatedLogoutTest extends ConformanceTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    private static String postLogoutUri;
    private static RpInitiatedLogout logout;
    private final LogoutTokenReceiver receiver = new LogoutTokenReceiver();

    @BeforeAll
    static void discoverLogout() {
        postLogoutUri = harness.clients().callback("/signed-out");
        logout = new RpInitiatedLogout(harness);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    @DisplayName("discovery advertises back-channel logout with sid")
    void discoveryWhenFetchedThenBackchannelLogoutSupported() {
        assertThat(harness.discovery().metadata()).containsEntry("backchannel_logout_supported", true)
                .containsEntry("backchannel_logout_session_supported", true);
    }

    @Test
    @DisplayName("RP-initiated logout: logout token POSTed, verified, sid and sub of the ID token; redirect with state; session ended")
    void logoutWhenBackchannelUriRegisteredThenVerifiedLogoutTokenWithIdTokensSidAndSub() throws Exception {
        TestClient client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri)
                .set("backchannel_logout_uri", receiver.uri()));
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        AuthorizationResponse redirect = RpInitiatedLogout.redirect(logout.logout(browser, "id_token_hint",
                flow.tokens().idToken(), "post_logout_redirect_uri", postLogoutUri, "state", "bc-1"));

        assertThat(redirect.target()).isEqualTo(postLogoutUri);
        assertThat(redirect.state()).isEqualTo("bc-1");
        List<LogoutTokenReceiver.Received> received = receiver.awaitReceived(1, WAIT);
        assertThat(received).as("logout tokens received").hasSize(1);
        assertThat(received.get(0).contentType()).startsWith("application/x-www-form-urlencoded");
        JWTClaimsSet token = LogoutTokenChecks.verify(received.get(0).logoutToken(), harness.discovery(), client);
        assertThat(IdTokens.stringClaim(token, "sid")).as("sid").isNotNull()
                .isEqualTo(IdTokens.stringClaim(flow.idToken(), "sid"));
        assertThat(token.getSubject()).isEqualTo(flow.sub());
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }

    @Test
    @DisplayName("the client's endpoint answers 400: the browser's logout still completes")
    void logoutWhenBackchannelEndpointAnswersErrorThenBrowserLogoutStillCompletes() throws Exception {
        receiver.answering(400);
        TestClient client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri)
                .set("backchannel_logout_uri", receiver.uri()));
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        AuthorizationResponse redirect = RpInitiatedLogout.redirect(logout.logout(browser, "id_token_hint",
                flow.tokens().idToken(), "post_logout_redirect_uri", postLogoutUri, "state", "bc-error"));

        assertThat(redirect.state()).isEqualTo("bc-error");
        assertThat(receiver.awaitReceived(1, WAIT)).as("the refused token was sent").isNotEmpty();
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
