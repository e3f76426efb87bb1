package id.satupintu.sdk.web;

import id.satupintu.sdk.Citizen;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.LoginStart;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every other request: lets signed-in citizens through (refreshing an access token about to expire), sends
 * a browser that is not signed in from a protected page to the provider (OpenID Connect Core 1.0 §3.1.2.1),
 * and answers 401 to scripts and API calls, which cannot follow a redirect to a login page.
 */
final class SignInGate {

    private static final Logger LOG = LoggerFactory.getLogger(SignInGate.class);

    private final SatuPintuClient client;
    private final SatuPintuConfig config;
    private final LoginRepository logins;
    private final Refresher refresher;
    private final PathPatterns protectedPaths;
    private final PathPatterns publicPaths;
    private final Duration refreshAhead;
    private final Clock clock;

    SignInGate(SatuPintuClient client, LoginRepository logins, Clock clock) {
        this.client = client;
        this.config = client.config();
        this.logins = logins;
        this.refresher = new Refresher(client);
        this.protectedPaths = PathPatterns.of(config.protectedPaths());
        this.publicPaths = PathPatterns.of(config.publicPaths());
        this.refreshAhead = config.refreshAhead() == null ? Duration.ZERO : config.refreshAhead();
        this.clock = clock;
    }

    FlowResult handle(WebExchange exchange) {
        Optional<Login> login = currentLogin(exchange);
        if (login.isPresent()) {
            return FlowResult.proceed(Citizen.of(login.get(), config));
        }
        String path = exchange.path();
        boolean open = PathPatterns.isCanonical(path) && (!protectedPaths.matches(path) || publicPaths.matches(path));
        if (open) {
            return FlowResult.proceed(null);
        }
        if (!isBrowserNavigation(exchange)) {
            Responses.jsonError(exchange, 401, "login_required", "sign in first",
                    Map.of("WWW-Authenticate", "SatuPintu realm=\"" + Responses.jsonEscape(config.clientId()) + "\"",
                            "Cache-Control", "no-store"));
            return FlowResult.finished();
        }
        startSignIn(exchange);
        return FlowResult.finished();
    }

    private void startSignIn(WebExchange exchange) {
        try {
            LoginStart start = client.startLogin(SafePaths.absolute(exchange, config.redirectUri()),
                    SafePaths.requested(exchange));
            logins.savePending(exchange, start.pending());
            exchange.redirect(start.authorizationUrl().toString());
        } catch (SatuPintuException e) {
            LOG.warn("sign-in could not start: {}: {}", e.failure(), e.getMessage());
            ErrorPage.respond(exchange, e.failure());
        }
    }

    /** The signed-in login, refreshed when its access token expires within {@code refresh-ahead}. */
    private Optional<Login> currentLogin(WebExchange exchange) {
        Optional<Login> found = logins.find(exchange);
        if (found.isEmpty() || !needsRefresh(found.get())) {
            return found;
        }
        try {
            Login refreshed = refresher.refresh(found.get());
            logins.update(exchange, refreshed);
            return Optional.of(refreshed);
        } catch (SatuPintuException e) {
            if (e.failure() == Failure.PROVIDER_UNAVAILABLE) {
                // The citizen's sign-in here is still good; only the access token ages. Try again next request.
                LOG.warn("refresh postponed: {}: {}", e.failure(), e.getMessage());
                return found;
            }
            LOG.warn("refresh refused, signing out: {}: {}", e.failure(), e.getMessage());
            logins.remove(exchange);
            return Optional.empty();
        }
    }

    private boolean needsRefresh(Login login) {
        return login.refreshToken() != null && login.accessTokenExpiresAt() != null
                && login.accessTokenExpiresAt().isBefore(clock.instant().plus(refreshAhead));
    }

    /**
     * A top-level page load can follow a redirect to the provider's login page; a script's request cannot.
     * Fetch metadata ({@code Sec-Fetch-Mode}) tells them apart in current browsers; {@code X-Requested-With}
     * and {@code Accept} in older ones.
     */
    static boolean isBrowserNavigation(WebExchange exchange) {
        String method = exchange.method();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        if (exchange.header("X-Requested-With") != null) {
            return false;
        }
        String mode = exchange.header("Sec-Fetch-Mode");
        if (mode != null && !mode.equalsIgnoreCase("navigate")) {
            return false;
        }
        String accept = exchange.header("Accept");
        return accept == null || accept.isBlank() || accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }
}
