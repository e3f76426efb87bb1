package id.satupintu.sdk.internal.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import java.text.ParseException;
import java.util.Map;

/**
 * A successful token response (RFC 6749 §5.1, OpenID Connect Core 1.0 §3.1.3.3).
 *
 * @param expiresIn seconds, or -1 when the provider did not say
 */
public record TokenResponse(String accessToken, long expiresIn, String refreshToken, String idToken) {

    static TokenResponse parse(String json) {
        try {
            Map<String, Object> body = JSONObjectUtils.parse(json);
            String accessToken = JSONObjectUtils.getString(body, "access_token");
            String tokenType = JSONObjectUtils.getString(body, "token_type");
            if (accessToken == null || !"bearer".equalsIgnoreCase(tokenType)) {
                throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE,
                        "token response has no access_token of token_type Bearer");
            }
            long expiresIn = body.get("expires_in") instanceof Number number ? number.longValue() : -1;
            return new TokenResponse(accessToken, expiresIn, JSONObjectUtils.getString(body, "refresh_token"),
                    JSONObjectUtils.getString(body, "id_token"));
        } catch (ParseException e) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "token response is not the expected JSON object");
        }
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
