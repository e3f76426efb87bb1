package id.satupintu.bench.sdk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import id.satupintu.sdk.token.AccessTokenVerifier;
import id.satupintu.sdk.token.VerifiedAccessToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link AccessTokenVerifier#verify} with a warm JWKS cache: what an API protected by the SDK pays
 * per request. The provider is an in-process JDK HttpServer serving discovery and the JWKS; after the
 * warm-up call in {@link #start()} no call reaches it, which {@link #stop()} checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccessTokenBenchmark {

    /** RS256 and PS256 with an RSA 2048 key, ES256 with a P-256 key. */
    @Param({"RS256", "PS256", "ES256"})
    public String algorithm;

    private HttpServer provider;
    private int jwksFetchesAfterWarmUp;
    private volatile int jwksFetches;
    private AccessTokenVerifier verifier;
    private String token;

    @Setup(Level.Trial)
    public void start() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-bench").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-bench").generate();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        String discovery = JSONObjectUtils.toJSONString(Map.of("issuer", issuer, "jwks_uri", issuer + "/jwks",
                "authorization_endpoint", issuer + "/authorize", "token_endpoint", issuer + "/token",
                "id_token_signing_alg_values_supported", List.of("RS256", "PS256", "ES256")));
        String jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString(true);
        provider.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
        provider.createContext("/jwks", exchange -> {
            jwksFetches++;
            answer(exchange, jwks);
        });
        provider.start();

        verifier = AccessTokenVerifier.create(URI.create(issuer), List.of("bench-api"), Duration.ofSeconds(60),
                Duration.ofSeconds(5));
        token = mint(issuer, algorithm.equals("ES256") ? new ECDSASigner(ec) : new RSASSASigner(rsa),
                algorithm.equals("ES256") ? ec.getKeyID() : rsa.getKeyID());
        verifier.verify(token);
        jwksFetchesAfterWarmUp = jwksFetches;
    }

    @Benchmark
    public VerifiedAccessToken verify() {
        return verifier.verify(token);
    }

    @TearDown(Level.Trial)
    public void stop() {
        provider.stop(0);
        if (jwksFetches != jwksFetchesAfterWarmUp) {
            throw new IllegalStateException("the verifier fetched the JWKS while warm: the figure is not valid");
        }
    }

    private String mint(String issuer, JWSSigner signer, String keyId) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject("citizen-bench").audience("bench-api").claim("client_id", "bench-client")
                .claim("scope", "openid profile pajak:read").jwtID("bench-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm)).keyID(keyId)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "max-age=86400");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
