package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.logout.PendingSignOut;
import id.satupintu.idp.session.logout.SignOutHandlers;

/**
 * An RP-initiated logout request without {@code id_token_hint} (RP-Initiated Logout 1.0 §2: the hint
 * is recommended, not required). Spring's endpoint refuses those; this one takes them over from its
 * error handler. {@code client_id} names the client; a {@code post_logout_redirect_uri} is only honoured
 * when that client registered it exactly (§3), never without a {@code client_id}. Since anyone can
 * send such a request, a signed-in citizen is asked to confirm (§2: the OP should ask) on
 * {@link SignOutHandlers#CONFIRM_PAGE}; a browser with nobody signed in goes straight to the validated
 * URL, there being nothing to end.
 */
@Component
public class LogoutWithoutIdTokenHint {

    static final String ID_TOKEN_HINT = "id_token_hint";
    static final String CLIENT_ID = "client_id";
    static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";
    static final String STATE = "state";

    /** Why a request without hint is refused: the failed parameter, for the audit and the 400. */
    record Refusal(String parameter) {
    }

    private final RegisteredClientRepository clients;

    public LogoutWithoutIdTokenHint(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    /** @return whether Spring refused the request only for lacking {@code id_token_hint} */
    static boolean applies(HttpServletRequest request, OAuth2Error error) {
        return OAuth2ErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())
                && request.getParameterValues(ID_TOKEN_HINT) == null;
    }

    /**
     * Answers the request: redirect to the confirmation page, or to the validated URL when nobody is
     * signed in.
     *
     * @return the refusal when a parameter is wrong (nothing was written), else null
     */
    Refusal handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (String parameter : new String[] {CLIENT_ID, POST_LOGOUT_REDIRECT_URI, STATE}) {
            String[] values = request.getParameterValues(parameter);
            if (values != null && (values.length != 1 || values[0].isEmpty())) {
                return new Refusal(parameter);
            }
        }
        String clientId = request.getParameter(CLIENT_ID);
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        if (clientId != null && client == null) {
            return new Refusal(CLIENT_ID);
        }
        String postLogoutRedirectUri = request.getParameter(POST_LOGOUT_REDIRECT_URI);
        if (postLogoutRedirectUri != null
                && (client == null || !client.getPostLogoutRedirectUris().contains(postLogoutRedirectUri))) {
            return new Refusal(POST_LOGOUT_REDIRECT_URI);
        }
        String finalUrl = postLogoutRedirectUri == null
                ? request.getContextPath() + SignOutHandlers.LOGGED_OUT_PAGE
                : RpInitiatedLogoutHandler.withState(postLogoutRedirectUri, request.getParameter(STATE));
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CitizenAuthenticationToken)) {
            response.sendRedirect(finalUrl);
            return null;
        }
        PendingSignOut.of(clientId, client == null ? null : client.getClientName(), finalUrl).save(request);
        response.sendRedirect(request.getContextPath() + SignOutHandlers.CONFIRM_PAGE);
        return null;
    }

    /** @return the audit detail of a refusal */
    static Map<String, String> auditDetail(Refusal refusal) {
        return Map.of("error", OAuth2ErrorCodes.INVALID_REQUEST, "parameter", refusal.parameter());
    }
}
