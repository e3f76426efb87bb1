package id.satupintu.idp.agency.registration;

import java.util.List;

import id.satupintu.idp.agency.LogoutChannel;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/**
 * A logout channel's registration members (Back-Channel Logout 1.0 §2.2, Front-Channel Logout 1.0 §2):
 * the URI must be a string and a URI the {@link RedirectUriRule#logoutUri(LogoutChannel)} rules accept;
 * the session requirement must be a JSON boolean, and only comes with a URI.
 */
final class LogoutChannelRule implements ClientMetadataRule {

    private final LogoutChannel channel;
    private final RedirectUriRule uriRule;

    LogoutChannelRule(LogoutChannel channel) {
        this.channel = channel;
        this.uriRule = RedirectUriRule.logoutUri(channel);
    }

    @Override
    public void check(OidcClientRegistration registration) {
        Object uri = registration.getClaims().get(channel.uriMember());
        if (uri != null && !(uri instanceof String)) {
            throw ClientMetadataRejection.invalidMetadata(channel.uriMember(), "must be a string");
        }
        uriRule.check(registration);
        Object sessionRequired = registration.getClaims().get(channel.sessionRequiredMember());
        if (sessionRequired != null && !(sessionRequired instanceof Boolean)) {
            throw ClientMetadataRejection.invalidMetadata(channel.sessionRequiredMember(), "must be true or false");
        }
        if (sessionRequired != null && uri == null) {
            throw ClientMetadataRejection.invalidMetadata(channel.sessionRequiredMember(),
                    "only with " + channel.uriMember());
        }
    }

    /** @return the channel's registered URI as a one-element list, or an empty one */
    static List<String> uriOf(LogoutChannel channel, OidcClientRegistration registration) {
        return registration.getClaims().get(channel.uriMember()) instanceof String uri ? List.of(uri) : List.of();
    }

    /** @return the channel's registered URI, or null */
    static String registeredUri(LogoutChannel channel, OidcClientRegistration registration) {
        return uriOf(channel, registration).stream().findFirst().orElse(null);
    }

    /** @return whether the channel's session id is required (false when omitted) */
    static boolean sessionRequired(LogoutChannel channel, OidcClientRegistration registration) {
        return Boolean.TRUE.equals(registration.getClaims().get(channel.sessionRequiredMember()));
    }
}
