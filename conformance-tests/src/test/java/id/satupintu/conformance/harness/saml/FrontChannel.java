package id.satupintu.conformance.harness.saml;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.Page;

/**
 * Plays the citizen through a SAML (or OIDC) front-channel exchange: from a first page it submits
 * auto-POST forms, signs in when SatuPintu's login page appears, approves consent when asked, and
 * stops at the first page that asks for anything else, or at a redirect to an origin the browser
 * does not follow. Every auto-POST on the way is recorded with its decoded SAML message.
 */
public final class FrontChannel {

    private static final int MAX_STEPS = 20;
    private static final Pattern APPROVE = Pattern.compile("(?i)\\b(approve|allow|accept|setuju|izinkan)\\b");

    /** A SAML message the browser carried by HTTP-POST. */
    public record AutoPost(URI action, String parameterName, String messageXml, String relayState,
                           boolean noscriptButton) {
    }

    /**
     * Where the round trip ended and what happened on the way.
     *
     * @param finalPage the last response
     * @param loginShown whether SatuPintu asked the citizen to sign in
     * @param consentShown whether SatuPintu asked for consent
     * @param autoPosts the SAML messages posted through the browser, in order
     * @param requests every request the browser sent during the round trip
     */
    public record Result(Page finalPage, boolean loginShown, boolean consentShown, List<AutoPost> autoPosts,
                         List<SamlBrowser.Request> requests) {

        /** @return the final page's JSON (the pysaml2 SP answers its endpoints in JSON) */
        public Map<String, Object> json() {
            return Json.object(finalPage.body());
        }

        /** @return the messages posted to {@code uri}'s origin and path */
        public List<AutoPost> postsTo(URI uri) {
            return autoPosts.stream().filter(p -> sameEndpoint(p.action(), uri)).toList();
        }

        public Optional<AutoPost> lastPost(String parameterName) {
            List<AutoPost> matching = autoPosts.stream().filter(p -> p.parameterName().equals(parameterName)).toList();
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
        }

        /** @return whether any request went to {@code uri}'s origin and path (query ignored) */
        public boolean visited(URI uri) {
            return requests.stream().anyMatch(r -> sameEndpoint(r.uri(), uri));
        }

        public boolean endedAt(URI uri) {
            return sameEndpoint(finalPage.uri(), uri) && !SamlBrowser.isRedirect(finalPage.status());
        }

        private static boolean sameEndpoint(URI a, URI b) {
            return SamlBrowser.origin(a).equals(SamlBrowser.origin(b)) && a.getRawPath().equals(b.getRawPath());
        }

        @Override
        public String toString() {
            return "FrontChannel.Result[final " + finalPage + ", login " + loginShown + ", consent " + consentShown
                    + ", posts " + autoPosts.stream().map(p -> p.parameterName() + "->" + p.action().getPath()).toList()
                    + ", requests " + requests + "]";
        }
    }

    private final URI idpOrigin;

    public FrontChannel(URI idpOrigin) {
        this.idpOrigin = idpOrigin;
    }

    /** Opens {@code uri} and continues as the citizen would; {@code citizen} null stops at a login page. */
    public Result open(SamlBrowser browser, URI uri, Citizen citizen) {
        int mark = browser.mark();
        return continueFrom(browser, browser.open(uri), citizen, mark);
    }

    /** Submits a form of a page (SatuPintu's sign-out button, say) and continues from there. */
    public Result submit(SamlBrowser browser, Page page, HtmlForm form, Citizen citizen) {
        int mark = browser.mark();
        return continueFrom(browser, browser.submit(page, form, form.defaults()), citizen, mark);
    }

    private Result continueFrom(SamlBrowser browser, Page first, Citizen citizen, int mark) {
        Page page = first;
        boolean loginShown = false;
        boolean consentShown = false;
        List<AutoPost> posts = new ArrayList<>();
        for (int step = 0; step < MAX_STEPS && !SamlBrowser.isRedirect(page.status()); step++) {
            Optional<AutoPostForm> autoPost = AutoPostForm.on(page);
            if (autoPost.isPresent()) {
                AutoPostForm form = autoPost.get();
                posts.add(new AutoPost(form.form().action(), form.parameterName(), form.messageXml(),
                        form.relayState().orElse(null), form.noscriptButton()));
                if (!form.noscriptButton()) {
                    break; // a browser without JavaScript is stuck here; the test sees it in the result
                }
                page = browser.submit(page, form.form(), form.submission());
                continue;
            }
            if (!onIdp(page)) {
                break;
            }
            Optional<HtmlForm> login = HtmlForm.all(page).stream().filter(f -> f.has("nik") && f.has("password")).findFirst();
            if (login.isPresent()) {
                if (citizen == null || loginShown) {
                    loginShown = true;
                    break; // a second login form means the first sign-in failed
                }
                loginShown = true;
                page = browser.submit(page, login.get(), login.get().defaults()
                        .set("nik", citizen.nik()).set("password", citizen.password()));
                continue;
            }
            Optional<HtmlForm> consent = HtmlForm.all(page).stream()
                    .filter(f -> "post".equals(f.method()) && (f.has("scope") || approvalButton(f).isPresent()))
                    .findFirst();
            if (consent.isPresent() && !consentShown) {
                consentShown = true;
                page = browser.submit(page, consent.get(), approveAll(consent.get()));
                continue;
            }
            break;
        }
        return new Result(page, loginShown, consentShown, posts, browser.historySince(mark));
    }

    private boolean onIdp(Page page) {
        return SamlBrowser.origin(page.uri()).equals(SamlBrowser.origin(idpOrigin));
    }

    /**
     * Every offered scope box checked (the OIDC consent page), plus the approving button when it is
     * named (the SAML consent page posts {@code decision=approve}).
     */
    private static FormData approveAll(HtmlForm form) {
        FormData data = form.defaultsWithoutBoxes("scope");
        form.options("scope").forEach(scope -> data.add("scope", scope));
        approvalButton(form).or(() -> form.buttons().stream().findFirst())
                .ifPresent(button -> data.add(button.name(), button.value()));
        return data;
    }

    private static Optional<HtmlForm.Field> approvalButton(HtmlForm form) {
        return form.buttons().stream().filter(b -> APPROVE.matcher(b.name() + " " + b.value()).find()).findFirst();
    }
}
