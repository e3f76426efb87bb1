package id.satupintu.sdk.web;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's logout path: ends the local sign-in first (so the citizen is signed out here whatever
 * happens next), then sends the browser to the provider's end-session endpoint (OpenID Connect RP-Initiated
 * Logout 1.0 §2) to end the single sign-on session too, which comes back to the post-logout redirect URI.
 * A request another site may have started is asked to confirm first ({@link LogoutConfirmation}).
 */
final class Logout {

    private static final Logger LOG = LoggerFactory.getLogger(Logout.class);

    private final SatuPintuClient client;
    private final LoginRepository logins;
    private final String postLogoutRedirectUri;
    private final String logoutPath;

    Logout(SatuPintuClient client, LoginRepository logins) {
        this.client = client;
        this.logins = logins;
        this.postLogoutRedirectUri = client.config().postLogoutRedirectUri();
        this.logoutPath = client.config().logoutPath();
    }

    void handle(WebExchange exchange) {
        if (!"GET".equals(exchange.method()) && !"POST".equals(exchange.method())) {
            Responses.methodNotAllowed(exchange, "GET, POST");
            return;
        }
        if (LogoutConfirmation.needed(exchange)) {
            LogoutConfirmation.respond(exchange, logoutPath);
            return;
        }
        Optional<Login> login = logins.find(exchange);
        logins.remove(exchange);
        String afterLogout = SafePaths.absolute(exchange, postLogoutRedirectUri);
        if (login.isEmpty()) {
            exchange.redirect(afterLogout);
            return;
        }
        try {
            // No state: nothing on the way back needs correlating, the local sign-in is already gone.
            exchange.redirect(client.logoutUrl(login.get(), afterLogout, null).toString());
        } catch (SatuPintuException e) {
            // Signed out here; the provider session could not be ended now and ends by its own expiry.
            LOG.warn("logout: the provider's end-session URL is unavailable: {}: {}", e.failure(), e.getMessage());
            exchange.redirect(afterLogout);
        }
    }
}
