package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.joda.time.DateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.sp.ServiceProvider.SignedParts;

/**
 * Requests that cannot be answered to a trusted ACS: each gets a readable error page (400 or 404),
 * in Indonesian by default and English on request, never a redirect, and an audit record.
 */
class SingleSignOnRefusalHttpTest extends SamlSsoTestSupport {

    private static TestServiceProvider sp;
    private static TestServiceProvider signingSp;
    private static boolean registered;

    @BeforeAll
    static void serviceProviders() {
        sp = TestServiceProvider.create("tolak");
        signingSp = TestServiceProvider.create("tolak-bertanda");
    }

    private synchronized void registerOnce() {
        if (!registered) {
            register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), settings(SignedParts.BOTH));
            register(signingSp, TestServiceProvider.MetadataOptions.defaults().signedRequests().withoutEncryption(),
                    settings(SignedParts.BOTH));
            registered = true;
        }
    }

    private SamlBrowserFlow signedIn() throws Exception {
        registerOnce();
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        return flow;
    }

    /** The page every refusal shows: status, no redirect, no form to the SP, the explanation. */
    private AuditEvent assertErrorPage(MvcResult result, int status, String auditType, String text) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getRedirectedUrl()).isNull();
        assertThat(result.getResponse().getHeader("Location")).isNull();
        assertThat(result.getModelAndView().getViewName()).isEqualTo(SingleSignOnController.ERROR_VIEW);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("Permintaan masuk tidak dapat diproses").contains(text)
                .doesNotContain("SAMLResponse").doesNotContain("<form");
        AuditEvent event = lastAudit(auditType);
        assertThat(event.outcome()).isEqualTo("failure");
        return event;
    }

    @Test
    void ssoWhenIssuerUnknownThenErrorPage400AndAudited() throws Exception {
        SamlBrowserFlow flow = signedIn();
        TestServiceProvider stranger = TestServiceProvider.create("asing");

        MvcResult result = flow.redirectBinding(stranger.redirectQuery(stranger.authnRequest(ssoUrl()), null, false));

        AuditEvent event = assertErrorPage(result, 400, ServiceProviderResolver.UNKNOWN_SP, "tidak terdaftar di SatuPintu");
        assertThat(event.clientId()).isEqualTo(stranger.entityId);
    }

    @Test
    void ssoWhenEnglishChosenThenErrorPageInEnglish() throws Exception {
        SamlBrowserFlow flow = signedIn();
        TestServiceProvider stranger = TestServiceProvider.create("asing-en");

        MvcResult result = flow.get(SamlPaths.SSO + "?" + stranger.redirectQuery(stranger.authnRequest(ssoUrl()), null,
                false) + "&lang=en");

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("The sign-in request could not be processed")
                .contains("is not registered with SatuPintu");
    }

    @Test
    void ssoWhenAcsUrlNotInMetadataThenErrorPageNeverRedirect() throws Exception {
        SamlBrowserFlow flow = signedIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setAssertionConsumerServiceURL("https://penyerang.example/acs");

        MvcResult result = flow.redirectBinding(sp.redirectQuery(request, null, false));

        AuditEvent event = assertErrorPage(result, 400, AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "tidak valid");
        assertThat(event.detail()).containsEntry("reason", "url_not_in_metadata");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("penyerang.example");
    }

    @Test
    void ssoWhenAcsIndexUnknownThenErrorPage() throws Exception {
        SamlBrowserFlow flow = signedIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setAssertionConsumerServiceURL(null);
        request.setAssertionConsumerServiceIndex(9);

        AuditEvent event = assertErrorPage(flow.redirectBinding(sp.redirectQuery(request, null, false)), 400,
                AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "tidak valid");
        assertThat(event.detail()).containsEntry("reason", "index_not_in_metadata");
    }

    @Test
    void ssoWhenRequestReplayedThenSecondRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();
        String query = sp.redirectQuery(sp.authnRequest(ssoUrl()), null, false);
        SamlBrowserFlow.form(flow.approveIfAsked(flow.redirectBinding(query)));

        AuditEvent event = assertErrorPage(flow.redirectBinding(query), 400, RequestReplayCheck.REPLAY, "tidak valid");
        assertThat(event.detail()).containsEntry("reason", "id_seen_before");
    }

    @Test
    void ssoWhenPostedRequestReplayedThenSecondRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();
        AuthnRequest request = signingSp.authnRequest(ssoUrl());
        signingSp.signEnveloped(request);
        String value = TestServiceProvider.postValue(request);
        SamlBrowserFlow.form(flow.approveIfAsked(flow.postBinding(value, null)));

        assertErrorPage(flow.postBinding(value, null), 400, RequestReplayCheck.REPLAY, "tidak valid");
    }

    @Test
    void ssoWhenIssueInstantExpiredThenRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setIssueInstant(new DateTime(Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli()));

        AuditEvent event = assertErrorPage(flow.redirectBinding(sp.redirectQuery(request, null, false)), 400,
                IssueInstantCheck.ISSUE_INSTANT, "tidak valid");
        assertThat(event.detail()).containsEntry("reason", "expired");
    }

    @Test
    void ssoWhenDestinationIsAnotherIdpThenRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();
        AuthnRequest request = signingSp.authnRequest("https://idp-lain.example/sso");
        signingSp.signEnveloped(request);

        AuditEvent event = assertErrorPage(flow.postBinding(TestServiceProvider.postValue(request), null), 400,
                DestinationCheck.DESTINATION, "tidak valid");
        assertThat(event.detail()).containsEntry("reason", "not_this_endpoint");
    }

    @Test
    void ssoWhenSpSignsButRequestUnsignedThenRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();

        assertErrorPage(flow.redirectBinding(signingSp.redirectQuery(signingSp.authnRequest(ssoUrl()), null, false)),
                400, RequestSignatureCheck.UNSIGNED, "tidak valid");
    }

    @Test
    void ssoWhenSignedBySomeoneElseThenRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();
        AuthnRequest request = signingSp.authnRequest(ssoUrl());
        sp.signEnveloped(request);

        assertErrorPage(flow.postBinding(TestServiceProvider.postValue(request), null), 400,
                RequestSignatureCheck.REJECTED, "tidak valid");
    }

    @Test
    void ssoWhenRelayStateOf81BytesThenRefused() throws Exception {
        SamlBrowserFlow flow = signedIn();

        MvcResult result = flow.redirectBinding(sp.redirectQuery(sp.authnRequest(ssoUrl()), "r".repeat(81), false));

        assertErrorPage(result, 400, RelayStateCheck.RELAY_STATE, "tidak valid");
    }

    @Test
    void ssoWhenMessageIsNotXmlThenRefusedAsMalformed() throws Exception {
        SamlBrowserFlow flow = signedIn();

        assertErrorPage(flow.redirectBinding("SAMLRequest=" + TestServiceProvider.encode(
                TestServiceProvider.deflate("<not-saml"))), 400, AuthnRequestValidator.MALFORMED, "tidak valid");
    }

    @Test
    void ssoWhenDocumentHasDoctypeThenRefusedBeforeAnyEntityIsRead() throws Exception {
        SamlBrowserFlow flow = signedIn();
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\">&x;</samlp:AuthnRequest>";

        MvcResult result = flow.postBinding(java.util.Base64.getEncoder().encodeToString(xml.getBytes()), null);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("root:");
    }

    @Test
    void ssoWhenEncodingBrokenThenErrorPageNotServerError() throws Exception {
        SamlBrowserFlow flow = signedIn();

        assertErrorPage(flow.redirectBinding("SAMLRequest=%25%25not-base64"), 400, AuthnRequestValidator.MALFORMED,
                "tidak valid");
        assertErrorPage(flow.redirectBinding("SAMLRequest=" + TestServiceProvider.encode(
                java.util.Base64.getEncoder().encodeToString("not deflated".getBytes()))), 400,
                AuthnRequestValidator.MALFORMED, "tidak valid");
        assertErrorPage(flow.postBinding("!!!", null), 400, AuthnRequestValidator.MALFORMED, "tidak valid");
        assertErrorPage(flow.get(SamlPaths.SSO), 400, AuthnRequestValidator.MALFORMED, "tidak valid");
    }

    @Test
    void postedHandleWhenUnknownOrUsedThenErrorPage() throws Exception {
        SamlBrowserFlow flow = signedIn();

        assertErrorPage(flow.get(SsoPaths.POSTED + "?handle=nope"), 400, SingleSignOnController.POSTED_UNKNOWN,
                "kedaluwarsa");
    }

    @Test
    void continuationWhenKeyUnknownThenErrorPage() throws Exception {
        SamlBrowserFlow flow = signedIn();

        assertErrorPage(flow.get(SsoPaths.CONTINUE + "?key=nope"), 400, SingleSignOnController.CONTINUATION_UNKNOWN,
                "kedaluwarsa");
    }
}
