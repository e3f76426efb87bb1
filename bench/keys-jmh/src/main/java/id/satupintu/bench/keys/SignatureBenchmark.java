package id.satupintu.bench.keys;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.jca.JwsSigners;
import id.satupintu.keys.jca.SignatureProviders;

/**
 * JWS sign and verify throughput through the production path ({@link JwsSigners}: Nimbus signer,
 * a fresh JCA {@code Signature} per operation, DER to R||S for ES256) per algorithm and provider.
 * The signing input is the size of a typical ID token's header and claims (about 600 bytes).
 * A provider that does not implement an algorithm fails the trial instead of measuring the JDK
 * under the wrong label.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

    @Param({"RS256", "PS256", "ES256", "EdDSA"})
    public String algorithm;

    @Param({"JDK", "ACCP"})
    public String provider;

    private JWSSigner signer;
    private JWSVerifier verifier;
    private JWSHeader header;
    private byte[] signingInput;
    private Base64URL signature;

    @Setup
    public void setUp() throws Exception {
        KeyAlgorithm keyAlgorithm = KeyAlgorithm.fromJoseName(algorithm);
        SignatureProviders providers = "ACCP".equals(provider) ? SignatureProviders.detect("true")
                : SignatureProviders.jdkOnly();
        String expected = "ACCP".equals(provider) ? "AmazonCorrettoCryptoProvider"
                : SignatureProviders.jdkDefault(keyAlgorithm).getName();
        String actual = providers.forSigning(keyAlgorithm).getName();
        if (!expected.equals(actual)) {
            throw new IllegalStateException(algorithm + " would run on " + actual + ", not " + expected + ": "
                    + providers.description());
        }
        KeyPair pair = generate(keyAlgorithm);
        ManagedKey key = ManagedKey.generated("bench", KeyPurpose.OIDC_SIGNING, KeySpec.of(keyAlgorithm), "bench",
                pair.getPublic(), Instant.now());
        JwsSigners signers = new JwsSigners(providers);
        signer = signers.signerFor(key, PrivateKeyHandle.software(pair.getPrivate()));
        verifier = signers.verifierFor(key);
        header = new JWSHeader.Builder(JwsSigners.jws(keyAlgorithm)).keyID("bench-kid").build();
        signingInput = (header.toBase64URL() + "." + Base64URL.encode(idTokenClaims()))
                .getBytes(StandardCharsets.US_ASCII);
        signature = signer.sign(header, signingInput);
        if (!verifier.verify(header, signingInput, signature)) {
            throw new IllegalStateException(algorithm + " on " + actual + " does not verify its own signature");
        }
    }

    @Benchmark
    public Base64URL sign() throws JOSEException {
        return signer.sign(header, signingInput);
    }

    @Benchmark
    public boolean verify() throws JOSEException {
        return verifier.verify(header, signingInput, signature);
    }

    private static KeyPair generate(KeyAlgorithm algorithm) {
        return KeySpec.of(algorithm).newSoftwareKeyPair();
    }

    private static String idTokenClaims() {
        return "{\"iss\":\"https://id.satupintu.go.id\",\"sub\":\"p-7f3c1e9a2b6d4c8e9f0a1b2c3d4e5f60\","
                + "\"aud\":\"demo-portal\",\"exp\":1795000000,\"iat\":1794999700,\"auth_time\":1794999690,"
                + "\"nonce\":\"n-0S6_WzA2Mj\",\"acr\":\"urn:satupintu:loa:substantial\",\"amr\":[\"pwd\",\"otp\"],"
                + "\"sid\":\"8f14e45f-ceea-467f-a0e6-5b3b0c8a1d2e\",\"name\":\"Siti Rahmawati\","
                + "\"given_name\":\"Siti\",\"family_name\":\"Rahmawati\",\"birthdate\":\"1990-02-25\","
                + "\"locale\":\"id-ID\",\"verified_claims\":{\"verification\":{\"trust_framework\":\"id_dukcapil\"}}}";
    }
}
