package id.satupintu.conformance.defaults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.ConformanceServer;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.Json;

/** The administrators' API as an operator's tool calls it: a bearer token of the bootstrap admin client. */
final class AdminApi {

    private AdminApi() {
    }

    /** @return an access token of the bootstrap admin client with the given scope */
    static String token(Harness harness, String scope) {
        String basic = Base64.getEncoder().encodeToString((encode(ConformanceServer.ADMIN_CLIENT_ID) + ":"
                + encode(harness.server().adminClientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = BackChannel.postForm(harness.discovery().tokenEndpoint(),
                FormData.of("grant_type", "client_credentials", "scope", scope), "Authorization", "Basic " + basic);
        if (response.statusCode() != 200) {
            throw new AssertionError("admin token answered " + response.statusCode() + ": " + response.body());
        }
        return (String) Json.object(response.body()).get("access_token");
    }

    static HttpResponse<String> grantNik(Harness harness, String clientId, String bearer) {
        return BackChannel.send(HttpRequest.newBuilder(nikUri(harness, clientId)).PUT(HttpRequest.BodyPublishers.noBody()),
                "Authorization", "Bearer " + bearer);
    }

    static HttpResponse<String> revokeNik(Harness harness, String clientId, String bearer) {
        return BackChannel.send(HttpRequest.newBuilder(nikUri(harness, clientId)).DELETE(),
                "Authorization", "Bearer " + bearer);
    }

    /** Grants nik with an agency.admin token and asserts it worked. */
    static void grantNik(Harness harness, String clientId) {
        HttpResponse<String> response = grantNik(harness, clientId, token(harness, "agency.admin"));
        if (response.statusCode() != 200) {
            throw new AssertionError("nik grant answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static URI nikUri(Harness harness, String clientId) {
        return harness.server().issuer().resolve("/admin/clients/" + encode(clientId) + "/scopes/nik");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
