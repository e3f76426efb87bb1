package id.satupintu.sdk;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * How the application authenticates to the token endpoint (OpenID Connect Core 1.0 §9).
 * {@code private_key_jwt} is preferred (RFC 9700 §2.5, FAPI 2.0 §5.3.1.2); a client secret
 * is accepted for applications that cannot hold a key.
 */
public sealed interface ClientAuthentication {

    /** {@code client_secret_basic}: the secret the provider generated at registration. */
    record ClientSecret(String secret) implements ClientAuthentication {
        public ClientSecret {
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ClientSecret[****]";
        }
    }

    /**
     * {@code private_key_jwt}: a short-lived JWT signed with the application's key (RFC 7523 §2.2).
     *
     * @param key       RSA or EC private key whose public half the provider knows (JWKS or registration)
     * @param keyId     the {@code kid} to put in the JWS header, or null
     * @param algorithm JWS algorithm name: RS256, PS256 or ES256
     */
    record PrivateKeyJwt(PrivateKey key, String keyId, String algorithm) implements ClientAuthentication {
        public PrivateKeyJwt {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(algorithm, "algorithm");
        }

        @Override
        public String toString() {
            return "PrivateKeyJwt[kid=" + keyId + ", alg=" + algorithm + "]";
        }
    }
}
