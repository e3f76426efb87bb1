package id.satupintu.sdk.internal.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.ProviderHttp;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The token endpoint's two grants: authorization code with the PKCE verifier (RFC 6749 §4.1.3,
 * RFC 7636 §4.5) and refresh token (RFC 6749 §6). A refusal (4xx) becomes the caller's failure with
 * the provider's {@code error} code; a 5xx or an unreadable answer is {@link Failure#PROVIDER_UNAVAILABLE}.
 */
public final class TokenEndpoint {

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final ProviderHttp http;
    private final ClientAuthenticator authenticator;

    public TokenEndpoint(ProviderHttp http, ClientAuthenticator authenticator) {
        this.http = http;
        this.authenticator = authenticator;
    }

    public TokenResponse exchangeCode(URI endpoint, String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return post(endpoint, form, Failure.CODE_EXCHANGE_FAILED, "code exchange");
    }

    public TokenResponse refresh(URI endpoint, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(endpoint, form, Failure.REFRESH_FAILED, "refresh");
    }

    private TokenResponse post(URI endpoint, Map<String, String> form, Failure refusal, String what) {
        String authorization = authenticator.authenticate(form);
        ProviderHttp.Answer answer = http.postForm(endpoint, form, authorization);
        if (answer.ok()) {
            return TokenResponse.parse(answer.body());
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            throw new SatuPintuException(refusal, what + " refused by the provider: HTTP " + answer.status()
                    + ", error " + errorCode(answer.body()));
        }
        throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, what + ": token endpoint answered HTTP " + answer.status());
    }

    /** The OAuth error code only (RFC 6749 §5.2): a fixed vocabulary, unlike the free-text description. */
    private static String errorCode(String body) {
        try {
            String error = JSONObjectUtils.getString(JSONObjectUtils.parse(body), "error");
            return error != null && ERROR_CODE.matcher(error).matches() ? error : "(none)";
        } catch (ParseException e) {
            return "(none)";
        }
    }
}
