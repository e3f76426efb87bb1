package id.satupintu.conformance.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client metadata to register (RFC 7591), with defaults that describe an ordinary confidential
 * code-flow client of the {@code demo-kependudukan} agency.
 */
public final class ClientSpec {

    public static final String AGENCY_KEPENDUDUKAN = "demo-kependudukan";
    public static final String AGENCY_PAJAK = "demo-pajak";

    private final Map<String, Object> metadata = new LinkedHashMap<>();

    private ClientSpec() {
        metadata.put("client_name", "conformance " + Pkce.randomUrlSafe(4));
        metadata.put("agency_code", AGENCY_KEPENDUDUKAN);
        metadata.put("grant_types", List.of("authorization_code", "refresh_token"));
        metadata.put("response_types", List.of("code"));
        metadata.put("token_endpoint_auth_method", "client_secret_basic");
        metadata.put("scope", "openid profile email address phone offline_access");
    }

    public static ClientSpec confidential() {
        return new ClientSpec();
    }

    /** A public client: no secret, so only the PKCE-protected code grant. */
    public static ClientSpec publicClient() {
        return new ClientSpec().authMethod("none").set("grant_types", List.of("authorization_code"));
    }

    public ClientSpec agency(String agencyCode) {
        return set("agency_code", agencyCode);
    }

    public ClientSpec authMethod(String tokenEndpointAuthMethod) {
        return set("token_endpoint_auth_method", tokenEndpointAuthMethod);
    }

    public ClientSpec idTokenAlg(String alg) {
        return set("id_token_signed_response_alg", alg);
    }

    public ClientSpec redirectUris(String... uris) {
        return set("redirect_uris", List.of(uris));
    }

    public ClientSpec postLogoutRedirectUris(String... uris) {
        return set("post_logout_redirect_uris", List.of(uris));
    }

    /** Sets any metadata member, or removes it when {@code value} is null. */
    public ClientSpec set(String member, Object value) {
        if (value == null) {
            metadata.remove(member);
        } else {
            metadata.put(member, value);
        }
        return this;
    }

    Map<String, Object> metadata() {
        return metadata;
    }

    @SuppressWarnings("unchecked")
    List<String> redirectUris() {
        return new ArrayList<>((List<String>) metadata.getOrDefault("redirect_uris", List.of()));
    }
}
