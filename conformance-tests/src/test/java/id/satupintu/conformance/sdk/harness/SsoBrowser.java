package id.satupintu.conformance.sdk.harness;

import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ConsentPage;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A citizen's browser across the provider and SDK applications: where the harness {@link Browser} stops at a
 * redirect off the provider's origin, this one keeps following redirects between the provider
 * ({@code localhost}) and the applications ({@code 127.0.0.1}), as a real browser does, and stops only at a
 * page or at a host it does not know. Cookies are kept per host name and shared across ports, as browsers do
 * (so two application nodes on 127.0.0.1 share the session cookie like nodes behind one load balancer).
 */
public final class SsoBrowser {

    private static final int MAX_HOPS = 20;

    private final URI provider;
    private final String authorizationPath;
    private final Map<String, Browser> perHost = new HashMap<>();

    /** A fresh browser (no cookies) for the harness's provider. */
    public SsoBrowser(Harness harness) {
        this.provider = harness.server().issuer();
        this.authorizationPath = harness.discovery().authorizationEndpoint().getPath();
    }

    /** Navigates to {@code uri} and follows redirects between the known hosts. */
    public Page open(URI uri) {
        Page page = browserFor(uri).open(uri);
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            if (!page.leftServer()) {
                return page;
            }
            URI next = page.location().orElseThrow();
            if (!known(next)) {
                return page;
            }
            page = browserFor(next).open(next);
        }
        throw new AssertionError("more than " + MAX_HOPS + " redirects, last " + page);
    }

    /**
     * Signs the citizen in on the provider's login page (and approves consent when asked), then follows the
     * redirects back to the application.
     *
     * @param page the provider's login page, as {@link #open} returned it
     * @return the page the application shows after sign-in
     */
    public Page signIn(Page page, Citizen citizen) {
        return open(signInUntilCallback(page, citizen));
    }

    /**
     * Signs the citizen in at the provider but stops at the redirect back: the returned URI is the
     * application's callback with {@code code}, {@code state} and {@code iss}, not yet opened.
     */
    public URI signInUntilCallback(Page page, Citizen citizen) {
        LoginPage login = LoginPage.on(providerBrowser(), page)
                .orElseThrow(() -> new AssertionError("expected the provider's login page, got " + page + ": "
                        + page.headline()));
        Page next = login.signIn(citizen);
        Optional<ConsentPage> consent = ConsentPage.on(providerBrowser(), next, authorizationPath);
        if (consent.isPresent()) {
            next = consent.get().approveAll();
        }
        if (!next.leftServer()) {
            throw new AssertionError("the provider did not send the browser back after sign-in: " + next + ": "
                    + next.headline());
        }
        return next.location().orElseThrow();
    }

    /**
     * Requests {@code uri} following only redirects within its own origin: a redirect to the provider is
     * returned, not followed (to see whether the application still knows the citizen).
     */
    public Page openWithoutFollowing(URI uri) {
        return browserFor(uri).open(uri);
    }

    /** Follows on from a page a harness browser returned (a redirect to an application, usually). */
    public Page continueFrom(Page page) {
        if (page.leftServer() && known(page.location().orElseThrow())) {
            return open(page.location().orElseThrow());
        }
        return page;
    }

    /** @return the harness browser holding the provider's cookies, for the harness's page drivers */
    public Browser providerBrowser() {
        return browserFor(provider);
    }

    /** @return the cookies this browser holds for {@code uri}'s host */
    public List<java.net.HttpCookie> cookies(URI uri) {
        return browserFor(uri).cookies();
    }

    private boolean known(URI uri) {
        return uri.getHost() != null && (uri.getHost().equals(provider.getHost()) || uri.getHost().equals("127.0.0.1"));
    }

    private Browser browserFor(URI uri) {
        return perHost.computeIfAbsent(uri.getHost(), host -> new Browser(URI.create(uri.getScheme() + "://"
                + uri.getAuthority())));
    }
}
