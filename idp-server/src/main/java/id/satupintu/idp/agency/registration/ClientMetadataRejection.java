package id.satupintu.idp.agency.registration;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Builds the registration error response of RFC 7591 §3.2.2: {@code invalid_redirect_uri} for a bad
 * redirection URI, {@code invalid_client_metadata} for any other field. The description names the
 * field and the rule, never the submitted value.
 */
final class ClientMetadataRejection {

    static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";

    private static final String ERROR_URI = "https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2";

    private ClientMetadataRejection() {
    }

    static OAuth2AuthenticationException invalidRedirectUri(String field, String rule) {
        return rejection(INVALID_REDIRECT_URI, field, rule);
    }

    static OAuth2AuthenticationException invalidMetadata(String field, String rule) {
        return rejection(INVALID_CLIENT_METADATA, field, rule);
    }

    private static OAuth2AuthenticationException rejection(String code, String field, String rule) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, field + ": " + rule, ERROR_URI));
    }
}
