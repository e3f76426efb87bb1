package id.satupintu.sdk.javax;

import id.satupintu.sdk.Citizen;
import id.satupintu.sdk.ReplayCache;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.web.FlowResult;
import id.satupintu.sdk.web.LoginRepositories;
import id.satupintu.sdk.web.LoginRepository;
import id.satupintu.sdk.web.SsoFlow;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on for an existing javax Servlet application (Servlet 4.0, e.g. Tomcat 9) (OpenID Connect Core 1.0 §3.1, the
 * authorization-code flow; OpenID Connect RP-Initiated Logout 1.0 and Back-Channel Logout 1.0). Every request
 * goes through the framework-free {@link SsoFlow}; when the flow lets a request through with a signed-in
 * citizen, the application sees that citizen through the standard servlet API: {@code getRemoteUser()},
 * {@code getUserPrincipal()}, {@code isUserInRole(...)}, {@code getAuthType()} and the request attributes
 * {@link SsoFlow#CITIZEN_ATTRIBUTE} and {@link SsoFlow#CLAIMS_ATTRIBUTE}.
 *
 * <p>Declared in {@code web.xml}, or registered by {@link SatuPintuInitializer} when the application carries a
 * {@code satupintu.properties}; see {@link ConfigurationSources} for where the no-argument constructor's
 * configuration comes from.
 */
public final class SatuPintuFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(SatuPintuFilter.class);

    private final SatuPintuConfig givenConfig;
    private final Map<String, String> environment;
    private SatuPintuClient client;
    private ReplayCache replayCache;
    private LoginRepository logins;
    private SsoFlow flow;

    /** Reads the configuration at {@link #init} from the sources {@link ConfigurationSources} lists. */
    public SatuPintuFilter() {
        this(System.getenv());
    }

    /** @param environment the variables to read instead of the process's (the initializer passes its own) */
    SatuPintuFilter(Map<String, String> environment) {
        this.givenConfig = null;
        this.environment = environment;
    }

    /** For programmatic registration (the Spring Boot starter, the SSO gateway): init-params are ignored. */
    public SatuPintuFilter(SatuPintuConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.givenConfig = config;
        this.environment = Map.of();
    }

    /**
     * Builds the client, the login repository and the flow once. A bad configuration fails deployment here
     * with the core's message naming the settings; an unreachable provider does not (discovery is lazy).
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            SatuPintuConfig config = givenConfig != null
                    ? givenConfig
                    : ConfigurationSources.read(filterConfig, environment);
            // a clustered store brings its own replay cache: a logout token replayed to another node is refused there too
            replayCache = LoginRepositories.replayCacheFor(config).orElse(null);
            client = replayCache == null ? SatuPintuClient.create(config) : SatuPintuClient.create(config, replayCache);
            logins = LoginRepositories.forConfig(config);
            flow = new SsoFlow(client, logins);
            log.info("SatuPintu sign-on ready for {} at context path '{}'", config,
                    filterConfig.getServletContext().getContextPath());
        } catch (SatuPintuException e) {
            // release what was opened (a Redis connection, its threads) before the container drops this filter
            destroy();
            throw new ServletException("SatuPintu sign-on cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        ServletExchange exchange = new ServletExchange(http, httpResponse);
        FlowResult result;
        try {
            result = flow.handle(exchange);
        } catch (RuntimeException e) {
            // the flow reports refusals itself; what escapes is infrastructure (a session store down, say):
            // a clear 503 rather than the container's 500, and the application is not called unprotected.
            // The decoded path only: the raw URI may carry a ;jsessionid and the query a code or token.
            log.error("SatuPintu sign-on failed on {} {}: {}", exchange.method(), exchange.path(), e.toString());
            if (!httpResponse.isCommitted()) {
                httpResponse.reset();
                httpResponse.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
            return;
        }
        if (result.responded()) {
            return;
        }
        Optional<Citizen> citizen = result.citizen();
        if (citizen.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        http.setAttribute(SsoFlow.CITIZEN_ATTRIBUTE, citizen.get());
        http.setAttribute(SsoFlow.CLAIMS_ATTRIBUTE, citizen.get().claims().asMap());
        chain.doFilter(new CitizenRequest(http, citizen.get()), response);
    }

    @Override
    public void destroy() {
        closeQuietly(logins, "login repository");
        closeQuietly(replayCache, "replay cache");
        if (client != null) {
            client.close();
        }
    }

    private static void closeQuietly(Object store, String what) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // shutting down: nothing left to do but say so
                log.warn("SatuPintu {} did not close cleanly: {}", what, e.toString());
            }
        }
    }
}
