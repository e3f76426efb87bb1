package id.satupintu.conformance.harness;

import java.util.Optional;

/**
 * Plays the citizen in a browser: opens an authorization request, signs in when the login
 * page appears and approves consent when asked, until the server redirects to the client or
 * shows something else.
 */
public final class Authorizer {

    /** How the citizen answers a consent page. */
    public enum ConsentAnswer { APPROVE_ALL, DENY }

    private static final int MAX_STEPS = 6;

    private final String authorizationEndpointPath;

    public Authorizer(Discovery discovery) {
        this.authorizationEndpointPath = discovery.authorizationEndpoint().getPath();
    }

    /** @param citizen who signs in when asked; null to stop at the login page instead */
    public Authorization authorize(Browser browser, AuthorizationRequest request, Citizen citizen) {
        return authorize(browser, request, citizen, ConsentAnswer.APPROVE_ALL);
    }

    public Authorization authorize(Browser browser, AuthorizationRequest request, Citizen citizen, ConsentAnswer answer) {
        return continueFrom(browser, browser.open(request.toUri()), citizen, answer);
    }

    /** Sends the request as an HTML form POST to the authorization endpoint (OIDC Core §3.1.2.1 allows both). */
    public Authorization authorizeByPost(Browser browser, AuthorizationRequest request, Citizen citizen) {
        return continueFrom(browser, browser.post(request.endpoint(), request.toForm()), citizen, ConsentAnswer.APPROVE_ALL);
    }

    private Authorization continueFrom(Browser browser, Page first, Citizen citizen, ConsentAnswer answer) {
        Page page = first;
        boolean loginShown = false;
        boolean consentShown = false;
        for (int step = 0; step < MAX_STEPS && !page.leftServer(); step++) {
            Optional<LoginPage> login = LoginPage.on(browser, page);
            if (login.isPresent()) {
                if (citizen == null || loginShown) {
                    // stop rather than loop: a second login form means the first sign-in failed
                    return new Authorization(page, true, consentShown);
                }
                loginShown = true;
                page = login.get().signIn(citizen);
                continue;
            }
            Optional<ConsentPage> consent = ConsentPage.on(browser, page, authorizationEndpointPath);
            if (consent.isPresent() && !consentShown) {
                consentShown = true;
                page = answer == ConsentAnswer.APPROVE_ALL ? consent.get().approveAll() : consent.get().deny();
                continue;
            }
            break;
        }
        return new Authorization(page, loginShown, consentShown);
    }
}
