package id.satupintu.conformance.harness.logout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;

/**
 * The steps the OpenID Foundation's RP-initiated logout modules share (OIDC RP-Initiated Logout 1.0
 * §2–§3): a request to the discovered {@code end_session_endpoint} with some of its parameters, the
 * confirmation a provider may ask for (§2), and the two ways of telling whether the browser's session
 * survived: {@code prompt=none} gets a code, or {@code login_required}.
 */
public final class RpInitiatedLogout {

    private static final Pattern CONTINUE = Pattern.compile("<a\\b[^>]*\\sdata-logout-continue[^>]*\\shref=\"([^\"]+)\"");
    private static final Pattern IFRAME_SRC = Pattern.compile("<iframe\\b[^>]*\\ssrc=\"([^\"]+)\"");

    private final Harness harness;

    public RpInitiatedLogout(Harness harness) {
        this.harness = harness;
    }

    /**
     * @param namesAndValues parameters in pairs; a null value leaves its parameter out
     * @return the end-session request as a GET URI
     */
    public URI endSession(String... namesAndValues) {
        FormData query = new FormData();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        String encoded = query.encode();
        return URI.create(harness.discovery().endSessionEndpoint() + (encoded.isEmpty() ? "" : "?" + encoded));
    }

    /**
     * Sends the browser to the end-session endpoint and, when the provider asks the citizen to confirm
     * (§2: it may), confirms through its form.
     *
     * @return where the browser ended: a redirect off the provider, or a page of the provider
     */
    public Page logout(Browser browser, String... namesAndValues) {
        Page page = browser.open(endSession(namesAndValues));
        if (page.leftServer() || page.status() != 200) {
            return page;
        }
        // a page with a form after a logout request is the provider asking to confirm; its first form says yes
        return HtmlForm.all(page).stream()
                .findFirst()
                .map(form -> browser.submit(form, form.defaults()))
                .orElse(page);
    }

    /** @return the response of a {@code prompt=none} authorization request in the browser's session */
    public AuthorizationResponse silentAuthorization(Browser browser, TestClient client) {
        Authorization authorization = harness.authorizer().authorize(browser,
                harness.request(client).set("prompt", "none"), null);
        return authorization.redirect();
    }

    /** @return whether the browser's SSO session still signs it in silently (a code, no error) */
    public boolean stillSignedIn(Browser browser, TestClient client) {
        AuthorizationResponse response = silentAuthorization(browser, client);
        if (response.error() == null && response.code() != null) {
            return true;
        }
        if ("login_required".equals(response.error())) {
            return false;
        }
        throw new AssertionError("prompt=none answered neither a code nor login_required: " + response);
    }

    /** @return where a redirect off the provider goes, when the page is one */
    public static Optional<URI> redirectedTo(Page page) {
        return page.leftServer() ? page.location() : Optional.empty();
    }

    /** @return the redirect off the provider, as the client reads it; throws AssertionError when the browser stayed */
    public static AuthorizationResponse redirect(Page page) {
        return AuthorizationResponse.from(redirectedTo(page).orElseThrow(() -> new AssertionError(
                "no redirect to the client: " + page + ", " + page.headline())));
    }

    /** @return the link on from the signed-out page to the client's {@code post_logout_redirect_uri}, if any */
    public static Optional<URI> continueLink(Page page) {
        Matcher matcher = CONTINUE.matcher(page.body() == null ? "" : page.body());
        return matcher.find() ? Optional.of(URI.create(matcher.group(1).replace("&amp;", "&"))) : Optional.empty();
    }

    /** @return the {@code src} of every iframe of a page (front-channel logout, OIDC Front-Channel Logout 1.0 §3) */
    public static List<URI> frames(Page page) {
        List<URI> sources = new ArrayList<>();
        Matcher matcher = IFRAME_SRC.matcher(page.body() == null ? "" : page.body());
        while (matcher.find()) {
            // a URL in an attribute has its '&' written as "&amp;" (Thymeleaf escapes nothing else in one)
            sources.add(URI.create(matcher.group(1).replace("&amp;", "&")));
        }
        return sources;
    }
}
