package id.satupintu.idp.agency.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import id.satupintu.idp.agency.LogoutChannel;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/**
 * Redirection URIs must be absolute {@code https} URIs, or {@code http} on a loopback host only
 * (RFC 8252 §7.3, RFC 9700 §2.1), without fragment (RFC 6749 §3.1.2). Every other scheme is
 * refused, which covers {@code javascript:}, {@code data:}, {@code file:} and {@code vbscript:}.
 * Applied to {@code redirect_uris} (error {@code invalid_redirect_uri}) and to
 * {@code post_logout_redirect_uris} (error {@code invalid_client_metadata}), RFC 7591 §3.2.2.
 */
final class RedirectUriRule implements ClientMetadataRule {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String field;
    private final boolean required;
    private final Function<OidcClientRegistration, List<String>> uris;
    private final BiFunction<String, String, OAuth2AuthenticationException> rejection;

    private RedirectUriRule(String field, boolean required, Function<OidcClientRegistration, List<String>> uris,
                            BiFunction<String, String, OAuth2AuthenticationException> rejection) {
        this.field = field;
        this.required = required;
        this.uris = uris;
        this.rejection = rejection;
    }

    /** {@code redirect_uris}: required (OIDC Registration §2). */
    static RedirectUriRule redirectUris() {
        return new RedirectUriRule(OidcClientMetadataClaimNames.REDIRECT_URIS, true,
                OidcClientRegistration::getRedirectUris, ClientMetadataRejection::invalidRedirectUri);
    }

    /** {@code post_logout_redirect_uris} (OIDC RP-Initiated Logout 1.0 §3.1): optional. */
    static RedirectUriRule postLogoutRedirectUris() {
        return new RedirectUriRule(OidcClientMetadataClaimNames.POST_LOGOUT_REDIRECT_URIS, false,
                OidcClientRegistration::getPostLogoutRedirectUris, ClientMetadataRejection::invalidMetadata);
    }

    /**
     * A logout channel's URI ({@code backchannel_logout_uri}, Back-Channel Logout 1.0 §2.2;
     * {@code frontchannel_logout_uri}, Front-Channel Logout 1.0 §2): optional; absolute, https (http only
     * on a loopback host), no fragment, like a redirection URI. A front-channel URI is loaded in an iframe
     * of SatuPintu's page, so the same rules keep {@code javascript:} and {@code data:} out of that page.
     */
    static RedirectUriRule logoutUri(LogoutChannel channel) {
        return new RedirectUriRule(channel.uriMember(), false,
                registration -> LogoutChannelRule.uriOf(channel, registration), ClientMetadataRejection::invalidMetadata);
    }

    @Override
    public void check(OidcClientRegistration registration) {
        List<String> values = uris.apply(registration);
        if (values == null || values.isEmpty()) {
            if (required) {
                throw rejection.apply(field, "at least one URI is required");
            }
            return;
        }
        for (String value : values) {
            checkOne(value);
        }
    }

    private void checkOne(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException | NullPointerException e) {
            throw rejection.apply(field, "not a valid URI");
        }
        if (uri.getScheme() == null) {
            throw rejection.apply(field, "must be an absolute URI");
        }
        if (uri.getRawFragment() != null) {
            throw rejection.apply(field, "must not contain a fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || host.isEmpty()) {
            throw rejection.apply(field, "must be an https URI with a host");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && LOOPBACK_HOSTS.contains(host)) {
            return;
        }
        throw rejection.apply(field, "must use https (http only for localhost, 127.0.0.1 or [::1])");
    }
}
