package id.satupintu.conformance.harness;

import java.util.Optional;

/**
 * The outcome of sending a browser to the authorization endpoint: the pages it went through
 * and where it ended.
 *
 * @param finalPage the last response: a redirect off the server, or a page the flow stopped on
 * @param loginShown whether the citizen was asked to sign in
 * @param consentShown whether the citizen was asked for consent
 */
public record Authorization(Page finalPage, boolean loginShown, boolean consentShown) {

    /** @return the authorization response, when the server redirected away from itself */
    public Optional<AuthorizationResponse> response() {
        return finalPage.leftServer() ? finalPage.location().map(AuthorizationResponse::from) : Optional.empty();
    }

    /** @return the response, asserting there is one */
    public AuthorizationResponse redirect() {
        return response().orElseThrow(() -> new AssertionError(
                "expected a redirect to the client but the browser stopped at " + finalPage + ", "
                        + finalPage.headline()));
    }
}
