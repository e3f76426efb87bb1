package id.satupintu.conformance.sdk.core;

import java.net.URI;
import java.util.Optional;

import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ConsentPage;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.sdk.CallbackParameters;

/**
 * The citizen's side of an SDK sign-in and sign-out at the real provider: the harness {@link Browser}
 * follows the SDK's URLs on the provider's origin and stops at the redirect to the application, whose
 * {@code Location} is read, never opened (no one listens on the callback origin).
 */
final class ProviderSignIn {

    private final Harness harness;

    ProviderSignIn(Harness harness) {
        this.harness = harness;
    }

    /**
     * Opens {@code authorizationUrl}, signs {@code citizen} in when the login page shows and approves
     * consent when asked.
     *
     * @return the redirect to the application's callback, with its query (code, state, iss)
     */
    URI untilCallback(Browser browser, URI authorizationUrl, Citizen citizen) {
        Page page = browser.open(authorizationUrl);
        Optional<LoginPage> login = LoginPage.on(browser, page);
        if (login.isPresent()) {
            page = login.get().signIn(citizen);
        }
        Optional<ConsentPage> consent = ConsentPage.on(browser, page,
                harness.discovery().authorizationEndpoint().getPath());
        if (consent.isPresent()) {
            page = consent.get().approveAll();
        }
        if (!page.leftServer()) {
            throw new AssertionError("the provider did not send the browser back to the application: " + page
                    + ", " + page.headline());
        }
        return page.location().orElseThrow();
    }

    /** @return the callback's query as the SDK reads it */
    static CallbackParameters parameters(URI callback) {
        return CallbackParameters.from(AuthorizationResponse.from(callback).parameters()::get);
    }

    /**
     * Opens an end-session URL and confirms when the provider asks (RP-Initiated Logout 1.0 §2 lets it).
     *
     * @return where the browser ended
     */
    static Page signOut(Browser browser, URI endSessionUrl) {
        Page page = browser.open(endSessionUrl);
        if (page.leftServer() || page.status() != 200) {
            return page;
        }
        return HtmlForm.all(page).stream().findFirst()
                .map(form -> browser.submit(form, form.defaults()))
                .orElse(page);
    }
}
