package id.satupintu.conformance.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The server's OpenID Provider metadata: the only source of endpoint locations the tests use.
 */
public final class Discovery {

    public static final String PATH = "/.well-known/openid-configuration";

    private final Map<String, Object> metadata;

    private Discovery(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public static Discovery fetch(URI issuer) {
        HttpResponse<String> response = BackChannel.get(URI.create(issuer + PATH));
        if (response.statusCode() != 200) {
            throw new AssertionError("discovery answered " + response.statusCode() + ": " + Json.abbreviate(response.body()));
        }
        return new Discovery(Json.object(response.body()));
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    public String issuer() {
        return (String) metadata.get("issuer");
    }

    public URI authorizationEndpoint() {
        return endpoint("authorization_endpoint");
    }

    public URI tokenEndpoint() {
        return endpoint("token_endpoint");
    }

    public URI userinfoEndpoint() {
        return endpoint("userinfo_endpoint");
    }

    public URI jwksUri() {
        return endpoint("jwks_uri");
    }

    public URI registrationEndpoint() {
        return endpoint("registration_endpoint");
    }

    public URI introspectionEndpoint() {
        return endpoint("introspection_endpoint");
    }

    public URI revocationEndpoint() {
        return endpoint("revocation_endpoint");
    }

    public URI endSessionEndpoint() {
        return endpoint("end_session_endpoint");
    }

    public List<String> list(String member) {
        return Json.stringList(metadata, member);
    }

    /** @throws AssertionError when the metadata does not advertise the endpoint */
    public URI endpoint(String member) {
        Object value = metadata.get(member);
        if (!(value instanceof String location)) {
            throw new AssertionError("discovery has no " + member);
        }
        return URI.create(location);
    }
}
