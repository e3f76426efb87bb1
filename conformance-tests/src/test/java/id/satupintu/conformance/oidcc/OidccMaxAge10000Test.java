package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-max-age-10000: a fresh session satisfies max_age=10000; auth_time is present and unchanged. */
@DisplayName("oidcc-max-age-10000")
class OidccMaxAge10000Test extends ConformanceTest {

    @Test
    @DisplayName("max_age=10000 with a fresh session: no login page, auth_time equals the first sign-in's")
    void authorizeWhenSessionYoungerThanMaxAgeThenNoReauthentication() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow first = signIn(browser, client, request(client));
        CompletedFlow second = signIn(browser, client, request(client).set("max_age", "10000"));

        assertThat(second.authorization().loginShown()).isFalse();
        assertThat(IdTokens.authTime(second.idToken())).as("auth_time").isNotNull()
                .isEqualTo(IdTokens.authTime(first.idToken()));
        assertThat(second.sub()).isEqualTo(first.sub());
    }
}
