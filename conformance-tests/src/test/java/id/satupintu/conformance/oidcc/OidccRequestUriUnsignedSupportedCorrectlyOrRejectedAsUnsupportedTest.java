package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.RequestObjects;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported: an unsigned request
 * object passed by reference (request_uri, OIDC Core §6.2) is either fetched and honoured, or
 * refused with request_uri_not_supported (§3.1.2.6). The object is served from loopback; the nonce
 * travels only inside it, so ignoring it cannot pass.
 */
@DisplayName("oidcc-request-uri-unsigned-supported-correctly-or-rejected-as-unsupported")
class OidccRequestUriUnsignedSupportedCorrectlyOrRejectedAsUnsupportedTest extends ConformanceTest {

    private HttpServer objectHost;

    @AfterEach
    void stopObjectHost() {
        if (objectHost != null) {
            objectHost.stop(0);
        }
    }

    @Test
    @DisplayName("request_uri to an unsigned object: processed (nonce from the object) or request_uri_not_supported")
    void authorizeWhenRequestUriThenProcessedOrRequestUriNotSupported() throws IOException {
        TestClient client = registerClient();
        AuthorizationRequest inObject = request(client);
        URI requestUri = host(RequestObjects.unsigned(inObject.parameters(), client.clientId(),
                harness.discovery().issuer()));
        AuthorizationRequest outer = request(client).set("state", inObject.state())
                .set("code_challenge", inObject.get("code_challenge"))
                .without("nonce").set("request_uri", requestUri.toString());

        Authorization authorization = harness.authorizer().authorize(newBrowser(), outer, Citizen.SITI);
        var response = authorization.redirect();
        if (response.error() != null) {
            assertErrorRedirect(authorization, outer, "request_uri_not_supported");
            return;
        }
        TokenResponse tokens = harness.tokens().exchangeCode(client, response.code(), inObject.redirectUri(),
                inObject.codeVerifier()).assertSuccess();
        assertThat(IdTokens.stringClaim(harness.idTokens().verify(tokens.idToken(), client), "nonce"))
                .as("nonce from the referenced request object").isEqualTo(inObject.nonce());
    }

    private URI host(String requestObject) throws IOException {
        objectHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = requestObject.getBytes(StandardCharsets.US_ASCII);
        objectHost.createContext("/request.jwt", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/oauth-authz-req+jwt");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        objectHost.start();
        return URI.create("http://127.0.0.1:" + objectHost.getAddress().getPort() + "/request.jwt");
    }
}
