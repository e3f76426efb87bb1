package id.satupintu.sdk.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JWT to mint, with switches for every way a token can be wrong: another algorithm, an unknown
 * {@code kid}, a signature by a key the provider never published, {@code alg=none}, HS256, a claim
 * changed or removed. Starts from sensible claims set by {@link TestProvider}.
 */
public final class TestJwt {

    private final TestKeys keys;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String algorithm = "RS256";
    private String keyId;
    private String type;
    private boolean foreignKey;
    private boolean unsigned;
    private byte[] hmacSecret;

    TestJwt(TestKeys keys) {
        this.keys = keys;
    }

    public TestJwt with(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /** Sets a NumericDate claim. */
    public TestJwt at(String name, Instant instant) {
        claims.put(name, instant.getEpochSecond());
        return this;
    }

    public TestJwt without(String name) {
        claims.remove(name);
        return this;
    }

    /** @param algorithm RS256, PS256 or ES256 (the provider's keys) */
    public TestJwt algorithm(String algorithm) {
        this.algorithm = algorithm;
        return this;
    }

    /** Overrides the header's {@code kid} (for example one the JWKS does not hold). */
    public TestJwt keyId(String keyId) {
        this.keyId = keyId;
        return this;
    }

    /** Sets the header's {@code typ}. */
    public TestJwt type(String type) { // null: no typ header
        this.type = type;
        return this;
    }

    /** Signs with a fresh key under the provider's {@code kid}: the signature does not verify. */
    public TestJwt badSignature() {
        this.foreignKey = true;
        return this;
    }

    /** An unsecured JWT ({@code alg=none}, RFC 7519 §6). */
    public TestJwt unsigned() {
        this.unsigned = true;
        return this;
    }

    /** HS256 with this secret (at least 32 bytes), as an attacker knowing the client secret would. */
    public TestJwt hs256(byte[] secret) {
        this.hmacSecret = secret.clone();
        return this;
    }

    public Map<String, Object> claims() {
        return claims;
    }

    public String mint() {
        try {
            JWTClaimsSet claimsSet = JWTClaimsSet.parse(claims);
            if (unsigned) {
                return new PlainJWT(claimsSet).serialize();
            }
            if (hmacSecret != null) {
                return sign(new MACSigner(hmacSecret), header(JWSAlgorithm.HS256, keyId), claimsSet);
            }
            JWK key = keys.forAlgorithm(algorithm);
            String kid = keyId != null ? keyId : key.getKeyID();
            JWK signingKey = foreignKey ? TestKeys.impostor(key) : key;
            JWSSigner signer = signingKey instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) signingKey);
            return sign(signer, header(JWSAlgorithm.parse(algorithm), kid), claimsSet);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot mint the test JWT", e);
        }
    }

    private JWSHeader header(JWSAlgorithm alg, String kid) {
        JWSHeader.Builder header = new JWSHeader.Builder(alg).keyID(kid);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        return header.build();
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
