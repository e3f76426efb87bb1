package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-prompt-none-logged-in: with a session (and consent already given), prompt=none returns
 * a code without any page; sub and auth_time match the first sign-in.
 */
@DisplayName("oidcc-prompt-none-logged-in")
class OidccPromptNoneLoggedInTest extends ConformanceTest {

    @Test
    @DisplayName("prompt=none with a session: code without any page, same sub and auth_time")
    void authorizeWhenPromptNoneWithSessionThenSilentSuccess() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow first = signIn(browser, client, request(client));
        CompletedFlow second = signIn(browser, client, request(client).set("prompt", "none"));

        assertThat(second.authorization().loginShown()).isFalse();
        assertThat(second.authorization().consentShown()).isFalse();
        assertThat(second.sub()).isEqualTo(first.sub());
        assertThat(IdTokens.authTime(second.idToken())).isEqualTo(IdTokens.authTime(first.idToken()));
    }
}
