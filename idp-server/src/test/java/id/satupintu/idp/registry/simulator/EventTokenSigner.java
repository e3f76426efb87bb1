package id.satupintu.idp.registry.simulator;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.webhook.RegistryEventToken;

/**
 * Signs registry events as Security Event Tokens (RFC 8417) the way the registry does: ES256, header
 * {@code typ: secevent+jwt}, a fresh {@code jti} and {@code iat} per token. Tests pass a
 * {@code tweak} to forge the bad tokens the webhook must refuse.
 */
public final class EventTokenSigner {

    private final ECKey key;
    private final String issuer;
    private final String audience;

    public EventTokenSigner(ECKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    public static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the public JWK set SatuPintu is configured with */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    public String sign(RegistryEvent event) {
        return sign(event, UnaryOperator.identity());
    }

    public String sign(RegistryEvent event, UnaryOperator<JWTClaimsSet.Builder> tweak) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(Instant.now()))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", RegistryEventToken.eventsClaim(event));
        return signClaims(tweak.apply(claims).build(), key);
    }

    /** Signs any claims with any EC key, header {@code typ: secevent+jwt}. */
    public static String signClaims(JWTClaimsSet claims, ECKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(RegistryEventToken.TYPE)
                    .keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
