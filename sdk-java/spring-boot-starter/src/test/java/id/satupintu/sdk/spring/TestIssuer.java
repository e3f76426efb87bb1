package id.satupintu.sdk.spring;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/**
 * A token issuer over real loopback HTTP for the bearer filter's tests: discovery and a JWKS, and access
 * tokens signed with its key (or a stranger's), with any claim changed.
 */
final class TestIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey stranger;

    private TestIssuer(HttpServer server, RSAKey key, RSAKey stranger) {
        this.server = server;
        this.key = key;
        this.stranger = stranger;
    }

    static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, key, stranger);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.json(exchange, issuer.discovery()));
            server.createContext("/jwks", exchange -> issuer.json(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return a valid access token for {@code audience}, after {@code change} */
    String token(String audience, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(key, change.apply(claims(audience)).build());
    }

    /** @return a token that looks right but is signed by another key with the same key id */
    String tokenSignedByStranger(String audience) {
        return sign(stranger, claims(audience).build());
    }

    private JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer().toString()).subject("warga-42").audience(audience)
                .claim("client_id", "aplikasi-pemanggil").claim("scope", "openid pajak.read")
                .claim("roles", java.util.List.of("petugas"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        String issuer = issuer().toString();
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"authorization_endpoint\":\"" + issuer
                + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"pairwise\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
