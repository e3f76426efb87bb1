package id.satupintu.idp.oidc.claims;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The {@code claims} authorization request parameter (OIDC Core §5.5): which individual claims the
 * client wants in the UserInfo response and which in the ID token, possibly with OIDC4IDA
 * {@code verified_claims}. Immutable; {@link #parse} is the only way in, and a parse failure is
 * the protocol error ({@code invalid_request}).
 *
 * <p>The parameter travels with the authorization: Spring keeps unknown authorization request
 * parameters in {@link OAuth2AuthorizationRequest#getAdditionalParameters()}, which the stored
 * authorization holds through sign-in, consent, the code exchange and every refresh.
 */
public record ClaimsRequest(RequestedClaims userinfo, RequestedClaims idToken) {

    public static final String PARAMETER = "claims";

    /** No {@code claims} parameter: scopes alone decide (§5.4). */
    public static final ClaimsRequest NONE = new ClaimsRequest(RequestedClaims.NONE, RequestedClaims.NONE);

    /** Far above any honest request; a bound on what the server parses and stores per authorization. */
    static final int MAX_LENGTH = 4096;

    /**
     * @throws MalformedClaimsRequestException when the value is not a JSON object, or a member has the
     *         wrong shape (§5.5: {@code userinfo}/{@code id_token} objects whose members are null or
     *         objects); unknown top-level members are ignored, as §5.5 requires
     */
    public static ClaimsRequest parse(String json) {
        if (json == null || !json.strip().startsWith("{")) {
            throw new MalformedClaimsRequestException("claims must be a JSON object");
        }
        if (json.length() > MAX_LENGTH) {
            throw new MalformedClaimsRequestException("claims is longer than " + MAX_LENGTH + " characters");
        }
        Map<String, Object> object;
        try {
            object = JSONObjectUtils.parse(json);
        } catch (ParseException | RuntimeException notJson) {
            throw new MalformedClaimsRequestException("claims must be a JSON object");
        }
        if (object == null) {
            throw new MalformedClaimsRequestException("claims must be a JSON object");
        }
        return new ClaimsRequest(RequestedClaims.parse("userinfo", object.get("userinfo")),
                RequestedClaims.parse("id_token", object.get("id_token")));
    }

    /**
     * @return the request the authorization was granted with; {@link #NONE} without one. The value was
     *         validated at the authorization endpoint, so a failure here cannot come from a client;
     *         it is treated as no request rather than releasing anything more.
     */
    public static ClaimsRequest of(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object value = request == null ? null : request.getAdditionalParameters().get(PARAMETER);
        if (!(value instanceof String json)) {
            return NONE;
        }
        try {
            return parse(json);
        } catch (MalformedClaimsRequestException unexpected) {
            return NONE;
        }
    }
}
