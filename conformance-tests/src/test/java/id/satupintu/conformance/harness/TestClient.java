package id.satupintu.conformance.harness;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A relying party the tests act as: its credentials and the metadata the server accepted.
 *
 * @param clientSecret null for public clients ({@code token_endpoint_auth_method=none})
 * @param idTokenAlg the ID token signing algorithm this client expects
 */
public record TestClient(String clientId, String clientSecret, String authMethod, String agency,
                         List<URI> redirectUris, List<URI> postLogoutRedirectUris, String idTokenAlg,
                         Map<String, Object> registration) {

    /** The demo relying application the server seeds (consent required). */
    public static final TestClient DEMO_PORTAL = new TestClient("demo-portal", "demo-portal-secret",
            "client_secret_basic", "demo-kependudukan", List.of(URI.create("http://localhost:8081/callback")),
            List.of(), "RS256", Map.of());

    public URI redirectUri() {
        return redirectUris.get(0);
    }

    /** @return the same client presenting another secret, to test failed authentication */
    public TestClient withSecret(String otherSecret) {
        return new TestClient(clientId, otherSecret, authMethod, agency, redirectUris, postLogoutRedirectUris,
                idTokenAlg, registration);
    }

    @Override
    public String toString() {
        return "TestClient[" + clientId + ", " + authMethod + ", " + agency + "]";
    }
}
