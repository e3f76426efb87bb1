package id.satupintu.idp.agency.registration;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/**
 * Registration of {@code private_key_jwt} clients with an inline {@code jwks} (RFC 7591 §2) instead
 * of a {@code jwks_uri}.
 *
 * <p>Spring's registration provider accepts {@code private_key_jwt} only when the request carries a
 * {@code jwks_uri} (its check runs after our validator and cannot be configured). An inline key set
 * is therefore carried past that check under {@link #MARKER}, a URL in the reserved {@code .invalid}
 * domain (RFC 6761 §6.4), which the rules treat as absent and the converter replaces by the keys
 * themselves. The marker never reaches storage nor a response.
 */
final class InlineJwksRegistration {

    /** Client metadata member of an inline JWK Set (RFC 7591 §2). */
    static final String JWKS = "jwks";

    static final URL MARKER = url("https://inline-jwks.invalid/");

    private InlineJwksRegistration() {
    }

    static boolean hasInlineJwks(OidcClientRegistration registration) {
        return registration.getClaims().containsKey(JWKS);
    }

    /** @return whether a real {@code jwks_uri} was registered (not the inline-keys marker) */
    static boolean hasJwksUri(OidcClientRegistration registration) {
        return registration.getJwkSetUrl() != null && !isMarker(registration.getJwkSetUrl());
    }

    static boolean isMarker(URL url) {
        return MARKER.toString().equals(url.toString());
    }

    /** @return the registration, with {@link #MARKER} as {@code jwks_uri} when it holds only inline keys */
    static OidcClientRegistration markInlineJwks(OidcClientRegistration registration) {
        if (!hasInlineJwks(registration) || registration.getJwkSetUrl() != null) {
            return registration;
        }
        return OidcClientRegistration.withClaims(registration.getClaims()).jwkSetUrl(MARKER.toString()).build();
    }

    /**
     * @return the registered key set, public parts only
     * @throws ParseException when the member is not a JWK Set
     */
    static JWKSet publicKeys(OidcClientRegistration registration) throws ParseException {
        return submittedKeys(registration).toPublicJWKSet();
    }

    /**
     * @return whether any submitted key carries private material (a client error to refuse)
     * @throws ParseException when the member is not a JWK Set
     */
    static boolean containsPrivateKey(OidcClientRegistration registration) throws ParseException {
        return submittedKeys(registration).getKeys().stream().anyMatch(JWK::isPrivate);
    }

    @SuppressWarnings("unchecked")
    private static JWKSet submittedKeys(OidcClientRegistration registration) throws ParseException {
        if (!(registration.getClaims().get(JWKS) instanceof Map<?, ?> json)) {
            throw new ParseException("jwks is not a JSON object", 0);
        }
        return JWKSet.parse((Map<String, Object>) json);
    }

    private static URL url(String value) {
        try {
            return URI.create(value).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
