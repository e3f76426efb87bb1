package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.IdpMetadata;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlAdmin;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the SAML conformance tests: SatuPintu's IdP metadata, pysaml2 service providers started
 * and registered through the admin API (stopped after the class), a browser that crosses between
 * the IdP and the SPs, and the assertions every scenario repeats. Everything is asserted over HTTP:
 * what pysaml2 answered at its endpoints and what the browser carried.
 */
abstract class SamlConformanceTest extends ConformanceTest {

    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    static final String LOA2 = "urn:satupintu:loa:2";
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    private static final Pattern STATUS_CODE = Pattern.compile("<(?:\\w+:)?StatusCode\\b[^>]*\\bValue=\"([^\"]+)\"");

    protected static IdpMetadata idp;
    protected static SamlAdmin admin;
    protected static FrontChannel frontChannel;
    private static final List<PySaml2ServiceProvider> started = new ArrayList<>();

    @BeforeAll
    static void fetchIdpMetadata() {
        idp = IdpMetadata.fetch(harness.server().issuer());
        admin = new SamlAdmin(harness);
        frontChannel = new FrontChannel(harness.server().issuer());
    }

    @AfterAll
    static void stopServiceProviders() {
        started.forEach(PySaml2ServiceProvider::close);
        started.clear();
    }

    /** Starts a pysaml2 SP configured from SatuPintu's metadata and registers it in its agency. */
    static PySaml2ServiceProvider serviceProvider(SpOptions options) {
        PySaml2ServiceProvider sp = unregisteredServiceProvider(options);
        admin.register(sp);
        return sp;
    }

    /** Starts a pysaml2 SP that trusts SatuPintu but that no administrator registered. */
    static PySaml2ServiceProvider unregisteredServiceProvider(SpOptions options) {
        PySaml2ServiceProvider sp = PySaml2ServiceProvider.start(options, idp.xml());
        started.add(sp);
        return sp;
    }

    /** @return a fresh browser (no session anywhere) that follows the IdP and these SPs */
    static SamlBrowser newSamlBrowser(PySaml2ServiceProvider... sps) {
        SamlBrowser browser = new SamlBrowser(harness.server().issuer());
        for (PySaml2ServiceProvider sp : sps) {
            browser.follow(sp.baseUrl());
        }
        return browser;
    }

    /** SP-initiated SSO: opens the SP's {@code /login?query} and plays {@code citizen} through it. */
    static FrontChannel.Result ssoAt(SamlBrowser browser, PySaml2ServiceProvider sp, String query, Citizen citizen) {
        return frontChannel.open(browser, sp.login(query), citizen);
    }

    /**
     * Asserts pysaml2 accepted SatuPintu's Response at its ACS (signature, audience, InResponseTo,
     * conditions checked by pysaml2 and xmlsec1).
     *
     * @return the SP's view of the session: NameID, its format, attributes, SessionIndex, AuthnContextClassRef
     */
    static Map<String, Object> assertAccepted(FrontChannel.Result result, PySaml2ServiceProvider sp) {
        Page last = result.finalPage();
        if (!result.endedAt(sp.acs()) || last.status() != 200) {
            throw new AssertionError("pysaml2 did not accept a Response: the browser ended at " + last + " ("
                    + (result.endedAt(sp.acs()) ? "pysaml2 said " + last.body() : last.headline()) + "); "
                    + result.lastPost("SAMLResponse").map(p -> "IdP status " + statusCode(p.messageXml()))
                            .orElse("no SAMLResponse was posted") + "; " + result
                    + "\nSP log:\n" + sp.logTail());
        }
        return result.json();
    }

    /** Asserts SatuPintu refused in its own page: 4xx, no redirect away, nothing posted to the SP. */
    static void assertErrorPageWithoutSamlResponse(FrontChannel.Result result, PySaml2ServiceProvider sp) {
        Page last = result.finalPage();
        assertThat(last.uri().getHost()).as("where the browser stopped: " + result)
                .isEqualTo(harness.server().issuer().getHost());
        assertThat(last.leftServer()).as("redirected away: " + result).isFalse();
        assertThat(last.status()).as("error page status, " + last.headline()).isBetween(400, 499);
        assertThat(result.autoPosts()).as("SAML messages posted by the browser").isEmpty();
        assertThat(result.requests().stream().anyMatch(r -> r.uri().getPort() == sp.baseUrl().getPort()
                && !r.uri().getPath().equals("/login"))).as("requests to the SP after /login: " + result).isFalse();
    }

    /** Signs the citizen out at SatuPintu itself: the home page's sign-out form. */
    static FrontChannel.Result signOutAtSatuPintu(SamlBrowser browser, Citizen citizenIfAskedToSignIn) {
        Page home = browser.open(harness.server().issuer().resolve("/"));
        HtmlForm signOut = HtmlForm.all(home).stream()
                .filter(f -> f.action().getPath().equals("/logout") && "post".equals(f.method()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sign-out form on SatuPintu's home page: " + home.headline()));
        return frontChannel.submit(browser, home, signOut, citizenIfAskedToSignIn);
    }

    /** @return the SP's {@code /whoami} status as the browser sees it: 200 with a session, 401 without */
    static int whoamiStatus(SamlBrowser browser, PySaml2ServiceProvider sp) {
        return browser.open(sp.whoami()).status();
    }

    /** @return the top-level status code of a SAML protocol message */
    static String statusCode(String messageXml) {
        Matcher matcher = STATUS_CODE.matcher(messageXml);
        return matcher.find() ? matcher.group(1) : null;
    }

    @SuppressWarnings("unchecked")
    static List<String> attributeValues(Map<String, Object> session) {
        Map<String, Object> attributes = (Map<String, Object>) session.get("attributes");
        List<String> values = new ArrayList<>();
        attributes.values().forEach(v -> ((List<Object>) v).forEach(item -> values.add(String.valueOf(item))));
        return values;
    }

    static URI issuer() {
        return harness.server().issuer();
    }
}
