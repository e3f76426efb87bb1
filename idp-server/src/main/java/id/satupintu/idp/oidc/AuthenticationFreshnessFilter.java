package id.satupintu.idp.oidc;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides, for an authorization request that already passed client and redirect-URI validation,
 * whether the citizen must sign in (again) before the authorization server answers:
 * <ul>
 * <li>no session: sign in, or {@code login_required} with {@code prompt=none} (OIDC Core §3.1.2.1);</li>
 * <li>{@code prompt=login}: sign in again even with a session (§3.1.2.1);</li>
 * <li>{@code max_age}: sign in again when the last active sign-in is older (§3.1.2.1);</li>
 * <li>{@code max_age} of a non-negative integer only; anything else is {@code invalid_request};</li>
 * <li>{@code id_token_hint} naming another citizen: sign in again, or {@code login_required} with
 *     {@code prompt=none}; a hint this server did not issue is {@code invalid_request} (§3.1.2.1).</li>
 * </ul>
 * A forced re-authentication is remembered in the session, so the same request replayed after the
 * new sign-in proceeds instead of looping.
 */
public class AuthenticationFreshnessFilter extends OncePerRequestFilter {

    static final String REAUTHENTICATION_REQUESTED_AT = AuthenticationFreshnessFilter.class.getName() + ".requestedAt";

    private final String authorizationEndpoint;
    private final AuthenticationEntryPoint loginEntryPoint;
    private final AuthenticationFailureHandler errorResponses;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final IdTokenHintVerifier idTokenHints;
    private final RegisteredClientRepository clients;
    private final Clock clock;

    public AuthenticationFreshnessFilter(String authorizationEndpoint, AuthenticationEntryPoint loginEntryPoint,
                                         AuthenticationFailureHandler errorResponses,
                                         IdTokenHintVerifier idTokenHints, RegisteredClientRepository clients,
                                         Clock clock) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.loginEntryPoint = loginEntryPoint;
        this.errorResponses = errorResponses;
        this.idTokenHints = idTokenHints;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ValidatedAuthorizationRequest.isAuthorizationRequest(request, authorizationEndpoint);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> prompt = promptValues(request);
        boolean interactionForbidden = prompt.contains("none");
        Authentication current = SecurityContextHolder.getContext().getAuthentication();

        if (!(current instanceof CitizenAuthenticationToken citizenToken)) {
            if (interactionForbidden) {
                fail(request, response, "login_required");
            } else {
                startSignIn(request, response);
            }
            return;
        }
        Duration maxAge;
        try {
            maxAge = maxAge(request);
        } catch (NumberFormatException e) {
            fail(request, response, "invalid_request");
            return;
        }
        AuthenticatedCitizen citizen = citizenToken.getPrincipal();
        IdTokenHintVerifier.Match hint = idTokenHintMatch(request, citizen);
        if (hint == IdTokenHintVerifier.Match.INVALID) {
            fail(request, response, "invalid_request");
            return;
        }
        if (signedInAfterReauthenticationRequest(request, citizen)) {
            chain.doFilter(request, response);
            return;
        }
        boolean tooOld = maxAge != null && citizen.authenticatedAt().plus(maxAge).isBefore(clock.instant());
        if (prompt.contains("login") || tooOld || hint == IdTokenHintVerifier.Match.OTHER_CITIZEN) {
            if (interactionForbidden) {
                fail(request, response, "login_required");
                return;
            }
            request.getSession().setAttribute(REAUTHENTICATION_REQUESTED_AT, clock.instant());
            startSignIn(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private IdTokenHintVerifier.Match idTokenHintMatch(HttpServletRequest request, AuthenticatedCitizen citizen) {
        String hint = request.getParameter("id_token_hint");
        OAuth2AuthorizationCodeRequestAuthenticationToken validated = ValidatedAuthorizationRequest.of(request);
        if (hint == null || hint.isBlank() || validated == null) {
            return IdTokenHintVerifier.Match.SAME_CITIZEN;
        }
        RegisteredClient client = clients.findByClientId(validated.getClientId());
        return client == null ? IdTokenHintVerifier.Match.INVALID : idTokenHints.match(hint, client, citizen);
    }

    private boolean signedInAfterReauthenticationRequest(HttpServletRequest request, AuthenticatedCitizen citizen) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(REAUTHENTICATION_REQUESTED_AT) instanceof Instant requestedAt)) {
            return false;
        }
        if (citizen.authenticatedAt().isBefore(requestedAt)) {
            return false;
        }
        session.removeAttribute(REAUTHENTICATION_REQUESTED_AT);
        return true;
    }

    /**
     * Remembers the authorization request and sends the citizen to sign in. A POSTed request (OIDC
     * Core §3.1.2.1 allows form posts) is remembered as the equivalent GET, since the browser returns
     * to it by redirect after signing in.
     */
    private void startSignIn(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        requestCache.saveRequest(HttpMethod.POST.matches(request.getMethod())
                ? new AuthorizationRequestAsGet(request) : request, response);
        loginEntryPoint.commence(request, response, null);
    }

    /** Answers through the client's validated redirect URI, as the authorization endpoint would. */
    private void fail(HttpServletRequest request, HttpServletResponse response, String errorCode)
            throws IOException, ServletException {
        ValidatedAuthorizationRequest.reject(request, response, errorResponses, errorCode,
                errorCode.equals("invalid_request")
                        ? "OpenID Connect parameter: max_age or id_token_hint" : "The citizen must sign in.");
    }

    private static Set<String> promptValues(HttpServletRequest request) {
        String prompt = request.getParameter("prompt");
        if (prompt == null || prompt.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(prompt.trim().split(" +")).collect(Collectors.toUnmodifiableSet());
    }

    private static Duration maxAge(HttpServletRequest request) {
        String value = request.getParameter("max_age");
        if (value == null || value.isBlank()) {
            return null;
        }
        long seconds = Long.parseLong(value.trim());
        if (seconds < 0) {
            throw new NumberFormatException("negative max_age");
        }
        return Duration.ofSeconds(seconds);
    }
}
