package id.satupintu.idp.agency.registration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientRegistrationAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Wraps Spring's registration request converter so that a request body that is JSON but not valid
 * metadata gets the RFC 7591 §3.2.2 error instead of a generic {@code invalid_request}: missing or
 * empty {@code redirect_uris} is {@code invalid_redirect_uri}, any other ill-formed member
 * {@code invalid_client_metadata}. A body that is not JSON stays {@code invalid_request}. The
 * description is fixed text: the parser's message can quote the request. An inline {@code jwks} is
 * marked for Spring's provider as {@link InlineJwksRegistration} explains.
 */
final class RegistrationRequestConverter implements AuthenticationConverter {

    private final AuthenticationConverter springConverter;

    RegistrationRequestConverter(AuthenticationConverter springConverter) {
        this.springConverter = springConverter;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted;
        try {
            converted = springConverter.convert(request);
        } catch (OAuth2AuthenticationException e) {
            if (!OAuth2ErrorCodes.INVALID_REQUEST.equals(e.getError().getErrorCode()) || e.getCause() == null) {
                throw e;
            }
            throw translate(e);
        }
        if (converted instanceof OidcClientRegistrationAuthenticationToken token && token.getClientRegistration() != null) {
            return new OidcClientRegistrationAuthenticationToken((Authentication) token.getPrincipal(),
                    InlineJwksRegistration.markInlineJwks(token.getClientRegistration()));
        }
        return converted;
    }

    private static OAuth2AuthenticationException translate(OAuth2AuthenticationException e) {
        IllegalArgumentException invalidMember = invalidMemberCause(e);
        if (invalidMember == null) {
            return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "the request body must be a JSON object of client metadata", null), e);
        }
        // Spring's metadata builder names the member first in its message, e.g. "redirect_uris cannot be null"
        String message = String.valueOf(invalidMember.getMessage());
        if (message.startsWith(OidcClientMetadataClaimNames.REDIRECT_URIS)) {
            return ClientMetadataRejection.invalidRedirectUri(OidcClientMetadataClaimNames.REDIRECT_URIS,
                    "at least one URI is required");
        }
        return ClientMetadataRejection.invalidMetadata("client metadata", "a member has the wrong type or is empty");
    }

    private static IllegalArgumentException invalidMemberCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
