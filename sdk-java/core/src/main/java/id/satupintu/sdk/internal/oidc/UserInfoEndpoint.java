package id.satupintu.sdk.internal.oidc;

import id.satupintu.sdk.Claims;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.ProviderHttp;
import java.net.URI;

/**
 * The UserInfo endpoint (OpenID Connect Core 1.0 §5.3): claims for an access token, accepted only when
 * their {@code sub} is the signed-in citizen's (§5.3.4: a mismatch means the answer is not to be used).
 */
public final class UserInfoEndpoint {

    private final ProviderHttp http;

    public UserInfoEndpoint(ProviderHttp http) {
        this.http = http;
    }

    /** @param mismatch the failure when the answer names another citizen */
    public Claims fetch(URI endpoint, String accessToken, String subject, Failure mismatch) {
        ProviderHttp.Answer answer = http.get(endpoint, "Bearer " + accessToken);
        if (answer.status() == 401 || answer.status() == 403) {
            throw new SatuPintuException(Failure.ACCESS_TOKEN_INVALID, "userinfo refused the access token: HTTP " + answer.status());
        }
        if (!answer.ok()) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "userinfo answered HTTP " + answer.status());
        }
        Claims claims;
        try {
            claims = Claims.parse(answer.body());
        } catch (IllegalArgumentException e) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "userinfo answer is not a JSON object");
        }
        if (!subject.equals(claims.string("sub").orElse(null))) {
            throw new SatuPintuException(mismatch, "userinfo names another subject than the ID token (OpenID Connect Core 1.0 §5.3.4)");
        }
        return claims;
    }
}
