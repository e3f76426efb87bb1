package id.satupintu.sdk.web;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-channel logout endpoint (OpenID Connect Back-Channel Logout 1.0 §2.5–§2.8): the provider POSTs a
 * logout token; a valid one ends every matching sign-in of this application, wherever its browser is. No
 * browser session is involved. The token is never echoed or logged.
 */
final class BackChannelLogout {

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);
    /** §2.8: the response must not be cached. */
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final SatuPintuClient client;
    private final LoginRepository logins;

    BackChannelLogout(SatuPintuClient client, LoginRepository logins) {
        this.client = client;
        this.logins = logins;
    }

    void handle(WebExchange exchange) {
        if (!"POST".equals(exchange.method())) {
            Responses.methodNotAllowed(exchange, "POST");
            return;
        }
        String logoutToken = exchange.parameter("logout_token");
        if (logoutToken == null || logoutToken.isBlank()) {
            LOG.warn("back-channel logout refused: no logout_token parameter");
            Responses.jsonError(exchange, 400, "invalid_request", "logout_token is required", NO_STORE);
            return;
        }
        LogoutNotice notice;
        try {
            notice = client.validateLogoutToken(logoutToken);
        } catch (SatuPintuException e) {
            LOG.warn("back-channel logout refused: {}: {}", e.failure(), e.getMessage());
            if (e.failure() == Failure.PROVIDER_UNAVAILABLE) {
                // The token may be fine; the provider's keys could not be fetched. 503 lets the provider retry.
                Responses.jsonError(exchange, 503, "temporarily_unavailable",
                        "the provider's keys could not be fetched", NO_STORE);
            } else {
                Responses.jsonError(exchange, 400, "invalid_request", "the logout token was refused", NO_STORE);
            }
            return;
        }
        int ended;
        try {
            ended = logins.end(notice);
        } catch (SatuPintuException e) {
            // The store (Redis) is down: 503 so that the provider retries the notice later (§2.8 allows it).
            LOG.warn("back-channel logout not applied: {}: {}", e.failure(), e.getMessage());
            Responses.jsonError(exchange, 503, "temporarily_unavailable", "the session store is unavailable",
                    NO_STORE);
            return;
        }
        LOG.info("back-channel logout: ended {} sign-in(s) by {}", ended, notice.sid() != null ? "sid" : "sub");
        exchange.respond(200, "text/plain; charset=UTF-8", "", NO_STORE);
    }
}
