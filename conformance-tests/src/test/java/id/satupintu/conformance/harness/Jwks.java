package id.satupintu.conformance.harness;

import java.net.http.HttpResponse;
import java.text.ParseException;

import com.nimbusds.jose.jwk.JWKSet;

/** The server's published signing keys, read from the discovery's {@code jwks_uri}. */
public final class Jwks {

    private Jwks() {
    }

    public static HttpResponse<String> fetchRaw(Discovery discovery, String... headers) {
        return BackChannel.get(discovery.jwksUri(), headers);
    }

    public static JWKSet fetch(Discovery discovery) {
        HttpResponse<String> response = fetchRaw(discovery);
        if (response.statusCode() != 200) {
            throw new AssertionError("jwks_uri answered " + response.statusCode());
        }
        try {
            return JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("jwks_uri is not a JWK Set: " + e.getMessage(), e);
        }
    }
}
