package id.satupintu.conformance.harness.saml;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.ConformanceServer;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.Json;

/**
 * The administrators' API as an operator's tool calls it to set up SAML: agencies
 * ({@code POST /admin/agencies}) and service providers registered by metadata
 * ({@code POST /admin/agencies/{code}/saml-service-providers}), with a bearer token the bootstrap
 * admin client obtains with {@code client_credentials} and scope {@code agency.admin}.
 */
public final class SamlAdmin {

    public static final String SCOPE = "agency.admin";

    private final Harness harness;

    public SamlAdmin(Harness harness) {
        this.harness = harness;
    }

    /** Creates an agency; an existing one of that code is fine (409). */
    public void ensureAgency(String code, String name) {
        HttpResponse<String> response = BackChannel.postJson(uri("/admin/agencies"),
                Json.write(Map.of("code", code, "name", name)), bearer());
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new AssertionError("POST /admin/agencies answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Registers the SP from its own metadata with the settings its options name; asserts 201. */
    public Map<String, Object> register(PySaml2ServiceProvider sp) {
        HttpResponse<String> response = submit(sp.options().agency(), registration(sp));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new AssertionError("SAML SP registration answered " + response.statusCode() + ": " + response.body());
        }
        return Json.object(response.body());
    }

    /** @return the registration body SatuPintu's admin API takes for this SP */
    public static Map<String, Object> registration(PySaml2ServiceProvider sp) {
        SpOptions options = sp.options();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata_xml", sp.metadataXml());
        body.put("scopes", options.scopes());
        body.put("signed_parts", options.signedParts());
        body.put("encrypt_assertions", options.encryption());
        body.put("require_signed_requests", options.requireSignedRequests());
        return body;
    }

    /** Sends a registration as is, for tests of what the endpoint refuses. */
    public HttpResponse<String> submit(String agencyCode, Map<String, Object> body) {
        return BackChannel.postJson(uri("/admin/agencies/" + encode(agencyCode) + "/saml-service-providers"),
                Json.write(body), bearer());
    }

    private String[] bearer() {
        return new String[] {"Authorization", "Bearer " + token()};
    }

    private String token() {
        String basic = Base64.getEncoder().encodeToString((encode(ConformanceServer.ADMIN_CLIENT_ID) + ":"
                + encode(harness.server().adminClientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = BackChannel.postForm(harness.discovery().tokenEndpoint(),
                FormData.of("grant_type", "client_credentials", "scope", SCOPE), "Authorization", "Basic " + basic);
        if (response.statusCode() != 200) {
            throw new AssertionError("admin token answered " + response.statusCode() + ": " + response.body());
        }
        return (String) Json.object(response.body()).get("access_token");
    }

    private URI uri(String path) {
        return harness.server().issuer().resolve(path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
