package id.satupintu.conformance.sdk.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import id.satupintu.conformance.harness.Pkce;

/**
 * Fresh {@code private_key_jwt} keys of a relying application, generated per test: the public half for
 * the registration's inline {@code jwks} (RFC 7591 §2), the private half as the PKCS#8 PEM file the SDK
 * reads ({@code satupintu.client-key}).
 */
final class TestClientKeys {

    /**
     * @param jwk       the key pair
     * @param algorithm the JWS algorithm the application signs its client assertions with
     */
    record ClientKey(JWK jwk, String algorithm) {

        String keyId() {
            return jwk.getKeyID();
        }

        /** @return the registration member {@code jwks}: this key's public half only */
        Map<String, Object> publicJwks() {
            return Map.of("keys", List.of(jwk.toPublicJWK().toJSONObject()));
        }

        /** @return another key pair of the same type under the same {@code kid}: one the provider never saw */
        ClientKey impostor() {
            return jwk instanceof ECKey ? ec(keyId()) : rsa(algorithm, keyId());
        }

        /** Writes the private key as {@code BEGIN PRIVATE KEY} PEM into {@code directory}; returns the file. */
        Path writePem(Path directory) {
            try {
                PrivateKey key = jwk instanceof ECKey ec ? ec.toPrivateKey() : ((RSAKey) jwk).toPrivateKey();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                Path file = directory.resolve(keyId() + ".pem");
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
                return file;
            } catch (JOSEException | IOException e) {
                throw new IllegalStateException("cannot write the test client key", e);
            }
        }

        @Override
        public String toString() {
            return "ClientKey[" + keyId() + ", " + algorithm + "]";
        }
    }

    private TestClientKeys() {
    }

    /** An RSA 2048 key for RS256 or PS256 client assertions. */
    static ClientKey rsa(String algorithm) {
        return rsa(algorithm, "rp-" + Pkce.randomUrlSafe(6));
    }

    /** An EC P-256 key for ES256 client assertions. */
    static ClientKey ec() {
        return ec("rp-" + Pkce.randomUrlSafe(6));
    }

    /** @param algorithm RS256, PS256 (RSA 2048) or ES256 (EC P-256) */
    static ClientKey forAlgorithm(String algorithm) {
        return "ES256".equals(algorithm) ? ec() : rsa(algorithm);
    }

    private static ClientKey rsa(String algorithm, String keyId) {
        try {
            return new ClientKey(new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.parse(algorithm)).generate(), algorithm);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static ClientKey ec(String keyId) {
        try {
            return new ClientKey(new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate(), "ES256");
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC key", e);
        }
    }
}
