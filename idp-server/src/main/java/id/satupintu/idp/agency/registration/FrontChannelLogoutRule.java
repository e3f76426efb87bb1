package id.satupintu.idp.agency.registration;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

import id.satupintu.idp.agency.FrontChannelLogoutSettings;

/**
 * OpenID Connect Front-Channel Logout 1.0 §2 registration members: {@code frontchannel_logout_uri}
 * must be a string and a URI the {@link RedirectUriRule#frontchannelLogoutUri()} rules accept
 * (absolute, https or loopback http, no fragment; a query is allowed, §2);
 * {@code frontchannel_logout_session_required} must be a JSON boolean, and only comes with a URI.
 */
final class FrontChannelLogoutRule implements ClientMetadataRule {

    private final RedirectUriRule uriRule = RedirectUriRule.frontchannelLogoutUri();

    @Override
    public void check(OidcClientRegistration registration) {
        Object uri = registration.getClaims().get(FrontChannelLogoutSettings.URI);
        if (uri != null && !(uri instanceof String)) {
            throw ClientMetadataRejection.invalidMetadata(FrontChannelLogoutSettings.URI, "must be a string");
        }
        uriRule.check(registration);
        Object sessionRequired = registration.getClaims().get(FrontChannelLogoutSettings.SESSION_REQUIRED);
        if (sessionRequired != null && !(sessionRequired instanceof Boolean)) {
            throw ClientMetadataRejection.invalidMetadata(FrontChannelLogoutSettings.SESSION_REQUIRED,
                    "must be true or false");
        }
        if (sessionRequired != null && uri == null) {
            throw ClientMetadataRejection.invalidMetadata(FrontChannelLogoutSettings.SESSION_REQUIRED,
                    "only with frontchannel_logout_uri");
        }
    }

    /** @return the registered URI as a one-element list, or an empty one */
    static List<String> uriOf(OidcClientRegistration registration) {
        return registration.getClaims().get(FrontChannelLogoutSettings.URI) instanceof String uri ? List.of(uri) : List.of();
    }

    /** @return the registered URI, or null */
    static String registeredUri(OidcClientRegistration registration) {
        return uriOf(registration).stream().findFirst().orElse(null);
    }

    /** @return whether {@code iss} and {@code sid} are required (§2: false when omitted) */
    static boolean sessionRequired(OidcClientRegistration registration) {
        return Boolean.TRUE.equals(registration.getClaims().get(FrontChannelLogoutSettings.SESSION_REQUIRED));
    }
}
