package id.satupintu.sdk.spring;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.web.SsoFlow;
import id.satupintu.sdk.token.AccessTokenVerifier;
import id.satupintu.sdk.token.VerifiedAccessToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards API paths with bearer access tokens (RFC 6750 §2.1, header only: the query form of §2.3 puts
 * tokens into logs and is refused by omission). A request passes only with a token the core's
 * {@link AccessTokenVerifier} accepts and, when configured, every required scope.
 *
 * <p>Refusals follow RFC 6750 §3 and §3.1: no token → 401 with a bare {@code Bearer} challenge; a token
 * that fails verification → 401 {@code error="invalid_token"}; missing scope → 403
 * {@code error="insufficient_scope"}. The response never says WHY a token failed (expired, wrong
 * audience, bad signature): that would help someone probing with forged tokens. The reason goes to the
 * log instead, without the token. When the provider's keys cannot be fetched the answer is 503, because
 * the caller's token may well be good.
 */
public final class BearerTokenFilter implements Filter {

    /** The request attribute holding the {@link VerifiedAccessToken}. */
    public static final String ACCESS_TOKEN_ATTRIBUTE = "id.satupintu.sdk.AccessToken";

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String REALM = "satupintu";

    private final AccessTokenVerifier verifier;
    private final Set<String> requiredScopes;
    private final String roleClaim;

    /**
     * @param requiredScopes scopes every token must carry; empty for none
     * @param roleClaim      the claim {@code isUserInRole} reads
     */
    public BearerTokenFilter(AccessTokenVerifier verifier, List<String> requiredScopes, String roleClaim) {
        this.verifier = verifier;
        this.requiredScopes = new TreeSet<>(requiredScopes);
        this.roleClaim = roleClaim;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (isCorsPreflight(request)) {
            // Browsers send the CORS preflight without credentials (Fetch standard, CORS-preflight request);
            // refusing it would break every cross-origin caller. It reaches no handler's data: Spring answers it.
            chain.doFilter(request, response);
            return;
        }
        String token = AccessTokenVerifier.bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            // RFC 6750 §3.1: a request without authentication gets a challenge with no error code.
            refuse(response, 401, "Bearer realm=\"" + REALM + "\"", "{\"error\":\"unauthorized\"}");
            return;
        }
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(token);
        } catch (SatuPintuException e) {
            if (e.failure() == Failure.PROVIDER_UNAVAILABLE) {
                log.warn("bearer token not checked, provider unavailable: {}", e.getMessage());
                refuse(response, 503, null, "{\"error\":\"temporarily_unavailable\"}");
            } else {
                log.info("bearer token refused ({}): {}", e.failure(), e.getMessage());
                refuse(response, 401, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"",
                        "{\"error\":\"invalid_token\"}");
            }
            return;
        }
        if (!verified.scopes().containsAll(requiredScopes)) {
            log.info("bearer token for client {} lacks a required scope", verified.clientId());
            refuse(response, 403, "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\""
                    + String.join(" ", requiredScopes) + "\"", "{\"error\":\"insufficient_scope\"}");
            return;
        }
        request.setAttribute(ACCESS_TOKEN_ATTRIBUTE, verified);
        request.setAttribute(SsoFlow.CLAIMS_ATTRIBUTE, verified.claims().asMap());
        chain.doFilter(new BearerRequest(request, verified, roleClaim), response);
    }

    private static boolean isCorsPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    private static void refuse(HttpServletResponse response, int status, String challenge, String body) throws IOException {
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
