package id.satupintu.sdk.web;

import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.SatuPintuClient;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front-channel logout endpoint (OpenID Connect Front-Channel Logout 1.0 §2–§3): the provider's logout
 * page loads it in an iframe with {@code iss} and {@code sid}; this application ends the sign-ins of that
 * provider session. {@code iss} must name our provider (§3), so another site cannot end sessions by guessing.
 */
final class FrontChannelLogout {

    private static final Logger LOG = LoggerFactory.getLogger(FrontChannelLogout.class);
    /** §2: the RP's response should not be cached, so a later logout loads the page again. */
    private static final Map<String, String> NO_CACHE = Map.of("Cache-Control", "no-cache, no-store");
    private static final String PAGE = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Logout</title>"
            + "</head><body></body></html>\n";

    private final LoginRepository logins;
    private final String issuer;

    FrontChannelLogout(SatuPintuClient client, LoginRepository logins) {
        this.logins = logins;
        this.issuer = client.config().issuer().toString();
    }

    void handle(WebExchange exchange) {
        if (!"GET".equals(exchange.method())) {
            Responses.methodNotAllowed(exchange, "GET");
            return;
        }
        String iss = exchange.parameter("iss");
        String sid = exchange.parameter("sid");
        if (iss == null || sid == null || sid.isBlank()) {
            LOG.warn("front-channel logout refused: iss and sid are required");
            Responses.jsonError(exchange, 400, "invalid_request", "iss and sid are required", NO_CACHE);
            return;
        }
        if (!sameIssuer(iss)) {
            LOG.warn("front-channel logout refused: iss names another provider");
            Responses.jsonError(exchange, 400, "invalid_request", "iss does not name this application's provider",
                    NO_CACHE);
            return;
        }
        int ended = logins.end(new LogoutNotice(null, sid));
        LOG.info("front-channel logout: ended {} sign-in(s) by sid", ended);
        exchange.respond(200, "text/html; charset=UTF-8", PAGE, NO_CACHE);
    }

    /** A trailing slash is the only difference tolerated: issuers are otherwise compared exactly. */
    private boolean sameIssuer(String iss) {
        return strip(iss).equals(strip(issuer));
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
