package id.satupintu.idp.session.logout;

import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One relying party's front-channel logout page, as the browser loads it in an iframe of SatuPintu's
 * signed-out page (OIDC Front-Channel Logout 1.0 §3). Made only from a registered
 * {@code frontchannel_logout_uri}, never from request input.
 *
 * @param clientId the client whose page it is (audit)
 * @param src the iframe's {@code src}: the registered URI with {@code iss} and {@code sid} added
 */
public record LogoutFrame(String clientId, String src) implements Serializable {

    public LogoutFrame {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(src, "src");
    }

    /**
     * @return the frame's origin as a CSP source expression ({@code scheme://host[:port]}, CSP 3
     *         §2.3.1), so the page allows exactly the frames it renders
     */
    public String origin() {
        URI uri = URI.create(src);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? origin : origin + ":" + uri.getPort();
    }
}
