package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-prompt-none-not-logged-in: prompt=none without a session must not show any page; the
 * client gets login_required (or another of the §3.1.2.6 interaction errors) with its state.
 */
@DisplayName("oidcc-prompt-none-not-logged-in")
class OidccPromptNoneNotLoggedInTest extends ConformanceTest {

    @Test
    @DisplayName("prompt=none without a session: error redirect login_required, no login page")
    void authorizeWhenPromptNoneWithoutSessionThenLoginRequired() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).set("prompt", "none");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, null);
        assertThat(authorization.loginShown()).as("login page on prompt=none").isFalse();
        assertErrorRedirect(authorization, request, "login_required", "interaction_required",
                "consent_required", "account_selection_required");
    }

    @Test
    @DisplayName("prompt=none combined with login: invalid_request (OIDC Core §3.1.2.1)")
    void authorizeWhenPromptNoneWithOtherValueThenInvalidRequest() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).set("prompt", "none login");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, null);
        assertErrorRedirect(authorization, request, "invalid_request");
    }
}
