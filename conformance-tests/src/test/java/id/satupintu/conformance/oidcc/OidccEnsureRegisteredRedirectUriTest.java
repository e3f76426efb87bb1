package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * oidcc-ensure-registered-redirect-uri: a redirect_uri that is not registered, even one that
 * differs only slightly, gets an error page and the browser is never sent there
 * (OIDC Core §3.1.2.1 exact match, RFC 9700 §2.1).
 */
@DisplayName("oidcc-ensure-registered-redirect-uri")
class OidccEnsureRegisteredRedirectUriTest extends ConformanceTest {

    private static TestClient client;

    @BeforeAll
    static void registerOneClient() {
        client = registerClient();
    }

    static Stream<String> unregisteredVariants() {
        String registered = harness.clients().callback("/cb");
        int port = harness.server().issuer().getPort() + 1;
        return Stream.of(
                "https://attacker.example/cb",
                registered + "/extra",
                registered + "/",
                registered + "?next=https://attacker.example",
                registered + "#fragment",
                registered.replace("localhost", "LOCALHOST"),
                registered.replace("localhost", "127.0.0.1"),
                registered.replace(":" + port, ":" + (port + 1)),
                registered.replace("http://", "https://"));
    }

    @ParameterizedTest(name = "redirect_uri={0}")
    @MethodSource("unregisteredVariants")
    @DisplayName("unregistered redirect_uri: error page, no redirect, no login page")
    void authorizeWhenRedirectUriNotRegisteredThenErrorPageWithoutRedirect(String redirectUri) {
        Authorization authorization = harness.authorizer().authorize(newBrowser(),
                request(client).set("redirect_uri", redirectUri), Citizen.SITI);
        assertErrorPageWithoutRedirect(authorization);
        assertThat(authorization.loginShown()).as("login page for an invalid request").isFalse();
    }

    @Test
    @DisplayName("the registered redirect_uri itself works (the control case)")
    void authorizeWhenRedirectUriRegisteredThenSuccess() {
        assertThat(signIn(client).response().target()).isEqualTo(client.redirectUri().toString());
    }
}
