package id.satupintu.conformance.harness;

import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

/** Builds request objects (OIDC Core §6.1, RFC 9101) from authorization request parameters. */
public final class RequestObjects {

    private RequestObjects() {
    }

    /** @return an unsigned ({@code alg:none}) request object carrying {@code parameters}, with iss and aud */
    public static String unsigned(Map<String, String> parameters, String clientId, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId).audience(audience);
        parameters.forEach(claims::claim);
        return new PlainJWT(claims.build()).serialize();
    }
}
