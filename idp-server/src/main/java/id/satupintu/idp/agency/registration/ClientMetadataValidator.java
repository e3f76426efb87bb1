package id.satupintu.idp.agency.registration;

import java.util.List;
import java.util.function.Consumer;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.LogoutChannel;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientRegistrationAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientRegistrationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientRegistrationAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Validates a dynamic registration request (RFC 7591 §2, OIDC Dynamic Client Registration 1.0 §2)
 * before the client is created. Plugged into Spring's
 * {@link OidcClientRegistrationAuthenticationProvider#setAuthenticationValidator}; it replaces Spring's
 * default validator, whose redirect-URI, post-logout-URI and {@code jwks_uri} checks it includes in a
 * stricter form, and whose blanket refusal of {@code scope} it narrows to the registrable scopes.
 */
@Component
public class ClientMetadataValidator implements Consumer<OidcClientRegistrationAuthenticationContext> {

    private final List<ClientMetadataRule> rules;

    public ClientMetadataValidator(AgencyStore agencies) {
        this.rules = List.of(
                RedirectUriRule.redirectUris(),
                RedirectUriRule.postLogoutRedirectUris(),
                new LogoutChannelRule(LogoutChannel.BACK),
                new LogoutChannelRule(LogoutChannel.FRONT),
                ClientMetadataRules.GRANT_TYPES_SUPPORTED,
                ClientMetadataRules.RESPONSE_TYPES_SUPPORTED,
                ClientMetadataRules.REFRESH_TOKEN_NEEDS_CODE,
                ClientMetadataRules.AUTH_METHOD_SUPPORTED,
                ClientMetadataRules.PUBLIC_CLIENT_CODE_ONLY,
                ClientMetadataRules.KEYS_FOR_PRIVATE_KEY_JWT,
                ClientMetadataRules.INLINE_JWKS_PUBLIC_KEYS,
                ClientMetadataRules.JWKS_URI_HTTPS,
                ClientMetadataRules.AUTH_SIGNING_ALG_SUPPORTED,
                ClientMetadataRules.ID_TOKEN_ALG_SUPPORTED,
                ClientMetadataRules.NIK_NOT_SELF_GRANTED,
                ClientMetadataRules.SCOPES_REGISTRABLE,
                ClientMetadataRules.CLIENT_NAME_LENGTH,
                new AgencyCodeRule(agencies));
    }

    @Override
    public void accept(OidcClientRegistrationAuthenticationContext context) {
        OidcClientRegistrationAuthenticationToken request = context.getAuthentication();
        check(request.getClientRegistration());
    }

    /** @throws org.springframework.security.oauth2.core.OAuth2AuthenticationException on the first broken rule */
    public void check(OidcClientRegistration registration) {
        rules.forEach(rule -> rule.check(registration));
    }
}
