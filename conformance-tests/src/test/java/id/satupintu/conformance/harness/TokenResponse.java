package id.satupintu.conformance.harness;

import java.net.http.HttpResponse;
import java.util.Map;

/** A token endpoint answer (RFC 6749 §5.1/§5.2, OIDC Core §3.1.3.3). */
public record TokenResponse(HttpResponse<String> http, Map<String, Object> json) {

    static TokenResponse of(HttpResponse<String> http) {
        String type = http.headers().firstValue("Content-Type").orElse("");
        Map<String, Object> json = type.contains("json") ? Json.object(http.body()) : Map.of();
        return new TokenResponse(http, json);
    }

    public int status() {
        return http.statusCode();
    }

    public String accessToken() {
        return (String) json.get("access_token");
    }

    public String idToken() {
        return (String) json.get("id_token");
    }

    public String refreshToken() {
        return (String) json.get("refresh_token");
    }

    public String error() {
        return (String) json.get("error");
    }

    public String scope() {
        return (String) json.get("scope");
    }

    /** @return this response, asserting it is a success carrying an access token */
    public TokenResponse assertSuccess() {
        if (status() != 200 || accessToken() == null) {
            throw new AssertionError("token request failed: " + this);
        }
        return this;
    }

    @Override
    public String toString() {
        // names of members only, plus the error: the values are credentials
        return "TokenResponse[" + status() + " " + json.keySet() + (error() != null
                ? " error=" + error() + " " + json.get("error_description") : "") + "]";
    }
}
