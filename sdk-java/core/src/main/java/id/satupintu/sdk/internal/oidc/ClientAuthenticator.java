package id.satupintu.sdk.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.sdk.ClientAuthentication;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.ProviderHttp;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Authenticates the application at the token endpoint (OpenID Connect Core 1.0 §9): either
 * {@code client_secret_basic} (RFC 6749 §2.3.1, id and secret form-encoded before Base64) or
 * {@code private_key_jwt} (RFC 7523 §2.2 and §3: {@code iss} = {@code sub} = client id, {@code aud} the
 * issuer, a fresh {@code jti}, a 60-second lifetime).
 */
public final class ClientAuthenticator {

    static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String clientId;
    private final String audience;
    private final ClientAuthentication authentication;
    private final JWSSigner signer;
    private final Clock clock;

    public ClientAuthenticator(String clientId, String issuer, ClientAuthentication authentication, Clock clock) {
        this.clientId = clientId;
        this.audience = issuer;
        this.authentication = authentication;
        this.clock = clock;
        this.signer = authentication instanceof ClientAuthentication.PrivateKeyJwt keyJwt ? signer(keyJwt) : null;
    }

    /** @return the {@code Authorization} header value, or null; adds assertion parameters to the form */
    public String authenticate(Map<String, String> form) {
        if (authentication instanceof ClientAuthentication.ClientSecret secret) {
            String pair = ProviderHttp.encode(clientId) + ":" + ProviderHttp.encode(secret.secret());
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        if (authentication instanceof ClientAuthentication.PrivateKeyJwt keyJwt) {
            // optional in RFC 7521 §4.2, but Spring Authorization Server (and so SatuPintu) requires it
            form.put("client_id", clientId);
            form.put("client_assertion_type", ASSERTION_TYPE);
            form.put("client_assertion", assertion(keyJwt));
            return null;
        }
        throw new SatuPintuException(Failure.CONFIGURATION,
                "no client credential: set satupintu.client-secret or satupintu.client-key");
    }

    private String assertion(ClientAuthentication.PrivateKeyJwt keyJwt) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId).subject(clientId).audience(audience)
                .jwtID(Randoms.token())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(keyJwt.algorithm())).keyID(keyJwt.keyId()).build(), claims);
        try {
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new SatuPintuException(Failure.CONFIGURATION, "cannot sign the client assertion with the client key ("
                    + keyJwt.algorithm() + ")", e);
        }
    }

    private static JWSSigner signer(ClientAuthentication.PrivateKeyJwt keyJwt) {
        return keyJwt.key() instanceof ECPrivateKey ec ? ecSigner(ec) : new RSASSASigner(keyJwt.key());
    }

    private static JWSSigner ecSigner(ECPrivateKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new SatuPintuException(Failure.CONFIGURATION, "client key is not a usable EC key", e);
        }
    }
}
