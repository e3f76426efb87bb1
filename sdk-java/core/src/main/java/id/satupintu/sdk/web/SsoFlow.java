package id.satupintu.sdk.web;

import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-on for a web application, framework-free; the adapters' filters call {@link #handle} for every
 * request. It answers the callback, logout, back-channel logout and front-channel logout paths itself,
 * sends unauthenticated browsers on protected paths to the provider (API-style requests get 401),
 * refreshes an expiring access token, and otherwise lets the request through with the citizen.
 *
 * <p>Checks run in a fixed order: back-channel logout, front-channel logout, callback, logout, then the
 * protected-path gate. The logout endpoints come first because they are called without a browser session
 * and must work whatever the path patterns say. Thread-safe; one per application.
 */
public final class SsoFlow {

    /** The request attribute holding the signed-in {@link id.satupintu.sdk.Citizen}. */
    public static final String CITIZEN_ATTRIBUTE = "id.satupintu.sdk.Citizen";
    /** The request attribute holding the citizen's claims as an unmodifiable {@code Map<String, Object>}. */
    public static final String CLAIMS_ATTRIBUTE = "id.satupintu.sdk.claims";

    private static final Logger LOG = LoggerFactory.getLogger(SsoFlow.class);

    private final String backchannelLogoutPath;
    private final String frontchannelLogoutPath;
    private final String callbackPath;
    private final String logoutPath;
    private final BackChannelLogout backChannelLogout;
    private final FrontChannelLogout frontChannelLogout;
    private final Callback callback;
    private final Logout logout;
    private final SignInGate gate;

    public SsoFlow(SatuPintuClient client, LoginRepository logins) {
        this(client, logins, Clock.systemUTC());
    }

    SsoFlow(SatuPintuClient client, LoginRepository logins, Clock clock) {
        SatuPintuConfig config = client.config();
        this.backchannelLogoutPath = config.backchannelLogoutPath();
        this.frontchannelLogoutPath = config.frontchannelLogoutPath();
        this.callbackPath = config.callbackPath();
        this.logoutPath = config.logoutPath();
        this.backChannelLogout = new BackChannelLogout(client, logins);
        this.frontChannelLogout = new FrontChannelLogout(client, logins);
        this.callback = new Callback(client, logins);
        this.logout = new Logout(client, logins);
        this.gate = new SignInGate(client, logins, clock);
    }

    public FlowResult handle(WebExchange exchange) {
        try {
            return route(exchange);
        } catch (SatuPintuException e) {
            // A store outage (Redis) or a provider failure no branch handled itself: every branch writes its
            // response last, so nothing was written yet. A page saying "try again", never the container's 500.
            LOG.warn("request refused: {}: {}", e.failure(), e.getMessage());
            ErrorPage.respond(exchange, e.failure());
            return FlowResult.finished();
        }
    }

    private FlowResult route(WebExchange exchange) {
        if (at(exchange, backchannelLogoutPath)) {
            backChannelLogout.handle(exchange);
            return FlowResult.finished();
        }
        if (at(exchange, frontchannelLogoutPath)) {
            frontChannelLogout.handle(exchange);
            return FlowResult.finished();
        }
        if (at(exchange, callbackPath)) {
            callback.handle(exchange);
            return FlowResult.finished();
        }
        if (at(exchange, logoutPath)) {
            logout.handle(exchange);
            return FlowResult.finished();
        }
        return gate.handle(exchange);
    }

    /**
     * Configured paths are relative to the context path; an absolute redirect URI's path also holds the
     * context path, so both spellings are accepted.
     */
    private static boolean at(WebExchange exchange, String configuredPath) {
        if (configuredPath == null || configuredPath.isEmpty()) {
            return false;
        }
        String path = exchange.path();
        return configuredPath.equals(path) || configuredPath.equals(exchange.contextPath() + path);
    }
}
