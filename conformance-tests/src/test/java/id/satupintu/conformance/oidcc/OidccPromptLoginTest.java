package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-prompt-login: with a live session, prompt=login still makes the citizen sign in again,
 * and the second ID token's auth_time is later (OIDC Core §3.1.2.1).
 */
@DisplayName("oidcc-prompt-login")
class OidccPromptLoginTest extends ConformanceTest {

    @Test
    @DisplayName("prompt=login while signed in: the login page is shown again and auth_time moves forward")
    void authorizeWhenPromptLoginWithSessionThenReauthenticatesWithLaterAuthTime() throws InterruptedException {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow first = signIn(browser, client, request(client));
        Thread.sleep(1_100); // auth_time has one-second resolution
        CompletedFlow second = signIn(browser, client, request(client).set("prompt", "login"));

        assertThat(second.authorization().loginShown()).as("login page on prompt=login").isTrue();
        Instant firstAuth = IdTokens.authTime(first.idToken());
        Instant secondAuth = IdTokens.authTime(second.idToken());
        assertThat(secondAuth).as("second auth_time").isNotNull().isAfter(firstAuth);
        assertThat(second.sub()).isEqualTo(first.sub());
    }

    @Test
    @DisplayName("without prompt=login, a live session signs the citizen in without a login page")
    void authorizeWhenSessionAndNoPromptThenNoLoginPage() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client));
        CompletedFlow second = signIn(browser, client, request(client));
        assertThat(second.authorization().loginShown()).isFalse();
    }
}
