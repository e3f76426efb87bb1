package id.satupintu.idp.oidc.grant;

import java.util.Objects;
import java.util.Optional;

import id.satupintu.idp.store.Sha256;

/**
 * The SHA-256 hash of a token, code or consent state: the only form in which such values are stored
 * (DESIGN.md "Where data lives"). A fast hash is right because every hashed value is a high-entropy
 * random string or a signed JWT, never a password.
 *
 * <p>A stored authorization keeps, in place of each token value, a <em>placeholder</em> built from the
 * hash. The placeholder contains a space, which RFC 6750 §2.1 ({@code b64token}) and the JWS compact
 * serialization (RFC 7515 §7.1) never allow, so a placeholder can never equal a real token value.
 *
 * @param value base64url (unpadded) SHA-256 digest, 43 characters
 */
public record TokenHash(String value) {

    private static final String PLACEHOLDER_PREFIX = "sha256 ";
    private static final int ENCODED_LENGTH = 43;

    public TokenHash {
        Objects.requireNonNull(value, "value");
        if (value.length() != ENCODED_LENGTH) {
            throw new IllegalArgumentException("not a base64url SHA-256 digest");
        }
    }

    /** @return the hash of a presented or freshly issued token value */
    public static TokenHash of(String tokenValue) {
        Objects.requireNonNull(tokenValue, "tokenValue");
        return new TokenHash(Sha256.base64Url(tokenValue));
    }

    /**
     * @return the hash a stored value stands for: the placeholder's hash, or the hash of a real value
     */
    public static TokenHash ofStoredOrReal(String tokenValueOrPlaceholder) {
        return fromPlaceholder(tokenValueOrPlaceholder).orElseGet(() -> of(tokenValueOrPlaceholder));
    }

    /** @return the hash inside a placeholder, empty when the value is not a placeholder */
    public static Optional<TokenHash> fromPlaceholder(String value) {
        if (value == null || !value.startsWith(PLACEHOLDER_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new TokenHash(value.substring(PLACEHOLDER_PREFIX.length())));
    }

    /** @return the value that stands in for the token inside a stored authorization */
    public String placeholder() {
        return PLACEHOLDER_PREFIX + value;
    }

    @Override
    public String toString() {
        // a hash is not secret, but keep log lines short and recognisable
        return "TokenHash[" + value.substring(0, 8) + "…]";
    }
}
