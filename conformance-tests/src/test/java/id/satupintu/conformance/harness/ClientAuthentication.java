package id.satupintu.conformance.harness;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authenticates a client at the token, introspection and revocation endpoints with its
 * registered {@code token_endpoint_auth_method} (RFC 6749 §2.3.1, OIDC Core §9).
 */
final class ClientAuthentication {

    private ClientAuthentication() {
    }

    /** Adds credentials to the body when the method carries them there. */
    static FormData body(TestClient client, FormData form) {
        switch (client.authMethod()) {
            case "client_secret_post" -> form.set("client_id", client.clientId()).set("client_secret", client.clientSecret());
            case "none" -> form.set("client_id", client.clientId());
            case "client_secret_basic" -> { }
            default -> throw new IllegalArgumentException("unsupported auth method " + client.authMethod());
        }
        return form;
    }

    /** @return the Authorization header pair, empty when the method puts credentials elsewhere */
    static String[] headers(TestClient client) {
        if (!client.authMethod().equals("client_secret_basic")) {
            return new String[0];
        }
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before Base64
        String credentials = FormData.urlEncode(client.clientId()) + ":" + FormData.urlEncode(client.clientSecret());
        return new String[] {"Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))};
    }
}
