package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many stateless nodes behind a load balancer share only PostgreSQL and Redis: a citizen's
 * requests and a client's back-channel calls may land on any node, in any order. Here every step
 * of one code flow alternates between two nodes of the same deployment.
 */
@DisplayName("stateless nodes sharing PostgreSQL and Redis")
class StatelessNodesTest extends ConformanceTest {

    @Test
    @DisplayName("authorize on A, sign in on B, consent on B, exchange on B, userinfo and refresh on A")
    void codeFlowWhenEveryStepAlternatesNodesThenCompletes() {
        URI nodeB = harness.server().secondNode();
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).scope("openid profile");
        Browser browser = newBrowser();

        Page login = browser.open(request.toUri());
        assertThat(login.uri().getPath()).as("node A asks for sign-in").isEqualTo("/login");
        HtmlForm loginForm = HtmlForm.all(login).get(0);
        Page consent = browser.post(on(nodeB, loginForm.action()), loginForm.defaults()
                .set("nik", Citizen.SITI.nik()).set("password", Citizen.SITI.password()));
        assertThat(consent.uri().getPath()).as("signed in on B, the session is seen on A").isEqualTo("/consent");

        HtmlForm approve = HtmlForm.all(consent).stream().filter(form -> form.has("scope")).findFirst().orElseThrow();
        Page toClient = browser.post(on(nodeB, approve.action()), approve.defaults());
        URI callback = toClient.location().orElseThrow(() -> new AssertionError("no redirect to the client: " + toClient));
        Map<String, String> response = query(callback);
        assertThat(response).as("consent state from A honoured on B").containsKey("code")
                .containsEntry("state", request.state());

        Map<String, Object> tokens = Json.object(BackChannel.postForm(on(nodeB, URI.create("/oauth2/token")),
                FormData.of("grant_type", "authorization_code", "code", response.get("code"),
                        "redirect_uri", request.redirectUri(), "code_verifier", request.codeVerifier()),
                "Authorization", basic(client)).body());
        assertThat(tokens).as("code exchanged on B").containsKeys("access_token", "id_token", "refresh_token");

        var userInfo = harness.userInfo().get((String) tokens.get("access_token"));
        assertThat(userInfo.statusCode()).as("B's access token accepted by A").isEqualTo(200);
        assertThat(Json.object(userInfo.body())).containsEntry("name", Citizen.SITI.name());

        var refreshed = harness.tokens().refresh(client, (String) tokens.get("refresh_token"));
        assertThat(refreshed.status()).as("B's refresh token rotated on A").isEqualTo(200);
        assertThat(harness.idTokens().verify(refreshed.idToken(), client).getSubject())
                .as("same pairwise subject from either node")
                .isEqualTo(harness.idTokens().verify((String) tokens.get("id_token"), client).getSubject());
    }

    private static URI on(URI node, URI target) {
        return node.resolve(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0], java.net.URLDecoder.decode(nameValue.length > 1 ? nameValue[1] : "",
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String basic(TestClient client) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }
}
