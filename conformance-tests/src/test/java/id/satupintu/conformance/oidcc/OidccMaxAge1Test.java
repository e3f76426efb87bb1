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
 * oidcc-max-age-1: when the session is older than max_age the citizen must sign in again, and
 * the ID token carries the new auth_time (OIDC Core §3.1.2.1, §2).
 */
@DisplayName("oidcc-max-age-1")
class OidccMaxAge1Test extends ConformanceTest {

    @Test
    @DisplayName("max_age=1 after two seconds: login page again, auth_time present and later")
    void authorizeWhenSessionOlderThanMaxAgeThenReauthenticates() throws InterruptedException {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow first = signIn(browser, client, request(client));
        Thread.sleep(2_000);
        CompletedFlow second = signIn(browser, client, request(client).set("max_age", "1"));

        assertThat(second.authorization().loginShown()).as("login page when max_age exceeded").isTrue();
        Instant authTime = IdTokens.authTime(second.idToken());
        assertThat(authTime).as("auth_time (required with max_age)").isNotNull()
                .isAfter(IdTokens.authTime(first.idToken()));
    }
}
