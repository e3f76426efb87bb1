package id.satupintu.sdk.web;

import id.satupintu.sdk.CallbackParameters;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.PendingLogin;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redirect URI (OpenID Connect Core 1.0 §3.1.2.5, RFC 6749 §4.1.2): takes the pending sign-in this
 * browser started by its {@code state} (once only), lets the client finish it, keeps the login under a new
 * session id and sends the browser back where it was going, within this application only. Any refusal shows
 * the error page and keeps nothing.
 */
final class Callback {

    private static final Logger LOG = LoggerFactory.getLogger(Callback.class);

    private final SatuPintuClient client;
    private final LoginRepository logins;

    Callback(SatuPintuClient client, LoginRepository logins) {
        this.client = client;
        this.logins = logins;
    }

    void handle(WebExchange exchange) {
        if (!"GET".equals(exchange.method()) && !"POST".equals(exchange.method())) {
            Responses.methodNotAllowed(exchange, "GET, POST");
            return;
        }
        try {
            CallbackParameters callback = CallbackParameters.from(exchange::parameter);
            PendingLogin pending = logins.takePending(exchange, callback.state())
                    .orElseThrow(() -> new SatuPintuException(Failure.STATE_MISMATCH,
                            "the callback's state matches no sign-in this browser started"));
            Login login = client.completeLogin(pending, callback);
            logins.save(exchange, login);
            exchange.redirect(exchange.contextPath() + SafePaths.withinApplication(pending.returnTo()));
        } catch (SatuPintuException e) {
            LOG.warn("sign-in refused: {}: {}", e.failure(), e.getMessage());
            ErrorPage.respond(exchange, e.failure());
        }
    }
}
