package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.binding.PostForm;

/**
 * A citizen's browser through the SAML endpoints over MockMvc: cookies kept between requests, a
 * cross-site HTTP-POST sent without them (the SameSite=Lax session cookie does not travel with it),
 * redirects followed by hand so each step can be asserted.
 */
final class SamlBrowserFlow {

    static final String PASSWORD = "kata-sandi-saml-uji";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    final MockMvc mvc;
    final MockBrowser browser;
    final Citizen citizen;

    private SamlBrowserFlow(MockMvc mvc, Citizen citizen) {
        this.mvc = mvc;
        this.citizen = citizen;
        int n = ADDRESS.getAndIncrement();
        this.browser = new MockBrowser(mvc, "10.88." + (n / 250) + "." + (n % 250 + 1));
    }

    /** A new citizen with a password, not signed in. */
    static SamlBrowserFlow newCitizen(MockMvc mvc, CitizenStore citizens, CitizenPasswordHasher hasher) {
        Citizen citizen = TestCitizens.fresh(hasher.hash(PASSWORD));
        citizens.save(citizen);
        return new SamlBrowserFlow(mvc, citizen);
    }

    /** Signs in at /login; returns where the form sent the browser. */
    String signIn() throws Exception {
        return browser.perform(post("/login").param("nik", citizen.nik().value()).param("password", PASSWORD)
                .with(csrf())).getResponse().getRedirectedUrl();
    }

    MvcResult get(String pathAndQuery) throws Exception {
        return browser.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                URI.create(pathAndQuery)));
    }

    /** An AuthnRequest over HTTP-Redirect: the browser follows the SP's redirect to the SSO endpoint. */
    MvcResult redirectBinding(String query) throws Exception {
        return get(SamlPaths.SSO + "?" + query);
    }

    /**
     * An AuthnRequest over HTTP-POST: the SP's auto-submitted form arrives cross-site without the session
     * cookie; the browser then follows the 303 to the same-site continuation with its cookies.
     */
    MvcResult postBinding(String samlRequest, String relayState) throws Exception {
        var request = post(SamlPaths.SSO).param("SAMLRequest", samlRequest);
        if (relayState != null) {
            request.param("RelayState", relayState);
        }
        MvcResult posted = mvc.perform(request.with(r -> {
            r.setRemoteAddr("10.88.250.250");
            return r;
        })).andReturn();
        if (posted.getResponse().getStatus() != 303) {
            return posted;
        }
        return get(posted.getResponse().getRedirectedUrl());
    }

    /** Follows redirects within this server (303/302) until a page or a form is answered. */
    MvcResult follow(MvcResult result) throws Exception {
        MvcResult current = result;
        for (int hops = 0; hops < 8; hops++) {
            String location = current.getResponse().getRedirectedUrl();
            int status = current.getResponse().getStatus();
            if (location == null || (status != 302 && status != 303)) {
                return current;
            }
            assertThat(location).as("redirect stays on this server").doesNotStartWith("http");
            if (location.startsWith("/login")) {
                return current;
            }
            current = get(location);
        }
        throw new AssertionError("too many redirects");
    }

    /** From a redirect to /login: signs in, then follows the saved request back. */
    MvcResult signInAndReturn(MvcResult toLogin) throws Exception {
        assertThat(toLogin.getResponse().getRedirectedUrl()).as("sent to sign in").endsWith("/login");
        get("/login");
        String back = signIn();
        assertThat(back).as("back to the SSO continuation").contains(SsoPaths.CONTINUE);
        return follow(get(back.replaceFirst("^https?://[^/]+", "")));
    }

    static boolean isConsentPage(MvcResult result) {
        return result.getModelAndView() != null && "saml/consent".equals(result.getModelAndView().getViewName());
    }

    MvcResult decideConsent(MvcResult consentPage, String decision) throws Exception {
        assertThat(isConsentPage(consentPage)).as("consent page").isTrue();
        String key = (String) consentPage.getModelAndView().getModel().get("key");
        return browser.perform(post(SsoPaths.CONSENT).param("key", key).param("decision", decision).with(csrf()));
    }

    /** @return the result after approving consent, when the page asked for it */
    MvcResult approveIfAsked(MvcResult result) throws Exception {
        return isConsentPage(result) ? decideConsent(result, "approve") : result;
    }

    static PostForm form(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as("answered with the POST form").isEqualTo(200);
        assertThat(result.getModelAndView()).isNotNull();
        assertThat(result.getModelAndView().getViewName()).isEqualTo(PostForm.VIEW);
        return (PostForm) result.getModelAndView().getModel().get(PostForm.MODEL_ATTRIBUTE);
    }
}
