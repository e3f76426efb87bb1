package id.satupintu.idp.agency.registration;

import java.util.List;

import id.satupintu.idp.agency.BackChannelLogoutSettings;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/**
 * OpenID Connect Back-Channel Logout 1.0 §2.2 registration members: {@code backchannel_logout_uri}
 * must be a string and a URI the {@link RedirectUriRule#backchannelLogoutUri()} rules accept;
 * {@code backchannel_logout_session_required} must be a JSON boolean, and only comes with a URI.
 */
final class BackChannelLogoutRule implements ClientMetadataRule {

    private final RedirectUriRule uriRule = RedirectUriRule.backchannelLogoutUri();

    @Override
    public void check(OidcClientRegistration registration) {
        Object uri = registration.getClaims().get(BackChannelLogoutSettings.URI);
        if (uri != null && !(uri instanceof String)) {
            throw ClientMetadataRejection.invalidMetadata(BackChannelLogoutSettings.URI, "must be a string");
        }
        uriRule.check(registration);
        Object sessionRequired = registration.getClaims().get(BackChannelLogoutSettings.SESSION_REQUIRED);
        if (sessionRequired != null && !(sessionRequired instanceof Boolean)) {
            throw ClientMetadataRejection.invalidMetadata(BackChannelLogoutSettings.SESSION_REQUIRED,
                    "must be true or false");
        }
        if (sessionRequired != null && uri == null) {
            throw ClientMetadataRejection.invalidMetadata(BackChannelLogoutSettings.SESSION_REQUIRED,
                    "only with backchannel_logout_uri");
        }
    }

    /** @return the registered URI as a one-element list, or an empty one */
    static List<String> uriOf(OidcClientRegistration registration) {
        return registration.getClaims().get(BackChannelLogoutSettings.URI) instanceof String uri ? List.of(uri) : List.of();
    }

    /** @return the registered URI, or null */
    static String registeredUri(OidcClientRegistration registration) {
        return uriOf(registration).stream().findFirst().orElse(null);
    }

    /** @return whether {@code sid} is required (§2.2: false when omitted) */
    static boolean sessionRequired(OidcClientRegistration registration) {
        return Boolean.TRUE.equals(registration.getClaims().get(BackChannelLogoutSettings.SESSION_REQUIRED));
    }
}
