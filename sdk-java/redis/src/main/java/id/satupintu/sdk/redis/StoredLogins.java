package id.satupintu.sdk.redis;

import com.nimbusds.jose.util.JSONObjectUtils;
import id.satupintu.sdk.Claims;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.PendingLogin;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored form of logins and pending logins: a small JSON object with a format version, never Java
 * serialization (a Redis shared by several applications must not become a deserialization attack surface,
 * and a new SDK version must read what the old one wrote).
 */
final class StoredLogins {

    private static final int VERSION = 1;

    private StoredLogins() {
    }

    static String write(Login login) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", VERSION);
        put(json, "sub", login.subject());
        put(json, "sid", login.sid());
        put(json, "id_token", login.idToken());
        put(json, "access_token", login.accessToken());
        put(json, "access_token_expires_at", text(login.accessTokenExpiresAt()));
        put(json, "refresh_token", login.refreshToken());
        put(json, "claims", login.claims() == null ? null : login.claims().json());
        put(json, "acr", login.acr());
        put(json, "signed_in_at", text(login.signedInAt()));
        return JSONObjectUtils.toJSONString(json);
    }

    /** @throws IllegalArgumentException when the text is not a login this format version wrote */
    static Login readLogin(String text) {
        Map<String, Object> json = parse(text);
        String claims = string(json, "claims");
        return new Login(string(json, "sub"), string(json, "sid"), string(json, "id_token"),
                string(json, "access_token"), instant(json, "access_token_expires_at"),
                string(json, "refresh_token"), claims == null ? null : Claims.parse(claims), string(json, "acr"),
                instant(json, "signed_in_at"));
    }

    static String write(PendingLogin pending) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", VERSION);
        put(json, "state", pending.state());
        put(json, "nonce", pending.nonce());
        put(json, "code_verifier", pending.codeVerifier());
        put(json, "redirect_uri", pending.redirectUri());
        put(json, "return_to", pending.returnTo());
        put(json, "started_at", text(pending.startedAt()));
        return JSONObjectUtils.toJSONString(json);
    }

    static PendingLogin readPending(String text) {
        Map<String, Object> json = parse(text);
        return new PendingLogin(string(json, "state"), string(json, "nonce"), string(json, "code_verifier"),
                string(json, "redirect_uri"), string(json, "return_to"), instant(json, "started_at"));
    }

    private static Map<String, Object> parse(String text) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(text);
            if (!(json.get("v") instanceof Number version) || version.intValue() != VERSION) {
                throw new IllegalArgumentException("unknown stored login format version");
            }
            return json;
        } catch (ParseException e) {
            throw new IllegalArgumentException("stored login is not JSON", e);
        }
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    /** ISO-8601 keeps every digit of the instant, so a login reads back equal to what was written. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String string(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("stored login member " + name + " is not a string");
        }
        return (String) value;
    }

    private static Instant instant(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("stored login member " + name + " is not an instant");
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("stored login member " + name + " is not an instant", e);
        }
    }
}
