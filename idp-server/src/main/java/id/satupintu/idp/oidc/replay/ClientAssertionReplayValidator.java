package id.satupintu.idp.oidc.replay;

import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A client assertion is used once (RFC 7523 §3 item 7; FAPI 2.0 Security Profile §5.3.2.1): it
 * must carry a {@code jti}, and a {@code jti} already presented by the same client before it
 * expired is refused.
 */
public final class ClientAssertionReplayValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REPLAYED = new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
            "The client assertion was already used or has no jti.",
            "https://datatracker.ietf.org/doc/html/rfc7523#section-3");

    private final String clientId;
    private final ReplayCache replays;

    public ClientAssertionReplayValidator(String clientId, ReplayCache replays) {
        this.clientId = clientId;
        this.replays = replays;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt assertion) {
        String jti = assertion.getId();
        Instant expiresAt = assertion.getExpiresAt();
        if (jti == null || jti.isBlank() || expiresAt == null
                || !replays.firstUse("client-assertion:" + clientId + ":" + jti, expiresAt)) {
            return OAuth2TokenValidatorResult.failure(REPLAYED);
        }
        return OAuth2TokenValidatorResult.success();
    }
}
