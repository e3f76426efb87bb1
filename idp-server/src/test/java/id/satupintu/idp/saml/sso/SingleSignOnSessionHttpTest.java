package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.binding.PostForm;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProvider.SignedParts;
import id.satupintu.idp.session.LevelOfAssurance;

/**
 * The SSO session shared with OpenID Connect, seen from SAML: ForceAuthn, IsPassive, requested
 * authentication context, consent, inactive accounts, IdP-initiated SSO, and single sign-on across
 * both protocols.
 */
class SingleSignOnSessionHttpTest extends SamlSsoTestSupport {

    private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id="
            + TestRegisteredClients.CLIENT_ID + "&redirect_uri=https://portal.example.id/callback"
            + "&scope=openid%20profile&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&code_challenge_method=S256";

    private TestServiceProvider plain(String name, String... scopes) {
        TestServiceProvider sp = TestServiceProvider.create(name);
        register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), settings(SignedParts.BOTH, scopes));
        return sp;
    }

    private Response answer(MvcResult result, TestServiceProvider sp, String inResponseTo) {
        Response response = response(SamlBrowserFlow.form(result), sp, inResponseTo);
        TestServiceProvider.verify(response, idpCertificate());
        return response;
    }

    @Test
    void forceAuthnWhenSignedInThenSignInAgainAndAuthnInstantIsTheNewSignIn() throws Exception {
        TestServiceProvider sp = plain("paksa");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        Thread.sleep(5);
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setForceAuthn(true);
        long before = System.currentTimeMillis();

        MvcResult toLogin = flow.follow(flow.redirectBinding(sp.redirectQuery(request, null, false)));
        Assertion assertion = assertion(answer(flow.signInAndReturn(toLogin), sp, request.getID()), sp, false);

        assertThat(assertion.getAuthnStatements().get(0).getAuthnInstant().getMillis()).isGreaterThanOrEqualTo(before - 1);
    }

    @Test
    void forceAuthnWhenNotSignedInThenOneSignInSuffices() throws Exception {
        TestServiceProvider sp = plain("paksa-baru");
        SamlBrowserFlow flow = citizen();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setForceAuthn(true);

        MvcResult toLogin = flow.follow(flow.redirectBinding(sp.redirectQuery(request, null, false)));

        assertThat(status(answer(flow.signInAndReturn(toLogin), sp, request.getID())))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
    }

    @Test
    void isPassiveWhenNoSessionThenNoPassiveWithoutSignIn() throws Exception {
        TestServiceProvider sp = plain("pasif");
        SamlBrowserFlow flow = citizen();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setIsPassive(true);

        Response response = answer(flow.redirectBinding(sp.redirectQuery(request, "pasif", false)), sp, request.getID());

        assertThat(status(response)).isEqualTo(SamlStatusFailure.NO_PASSIVE);
        assertThat(response.getAssertions()).isEmpty();
        assertThat(lastAudit("saml.sso.no_passive").detail()).containsEntry("reason", "no_session");
    }

    @Test
    void isPassiveWhenSessionThenAssertionWithoutInteraction() throws Exception {
        TestServiceProvider sp = plain("pasif-sesi");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setIsPassive(true);

        Response response = answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID());

        assertThat(assertion(response, sp, false).getSubject().getNameID().getValue()).isNotBlank();
    }

    @Test
    void isPassiveWithForceAuthnThenNoPassive() throws Exception {
        TestServiceProvider sp = plain("pasif-paksa");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setIsPassive(true);
        request.setForceAuthn(true);

        assertThat(status(answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID())))
                .isEqualTo(SamlStatusFailure.NO_PASSIVE);
    }

    @Test
    void isPassiveWhenConsentMissingThenNoPassive() throws Exception {
        TestServiceProvider sp = plain("pasif-izin", "profile");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        request.setIsPassive(true);

        assertThat(status(answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID())))
                .isEqualTo(SamlStatusFailure.NO_PASSIVE);
    }

    @Test
    void requestedAuthnContextWhenSessionLevelTooLowThenNoAuthnContext() throws Exception {
        TestServiceProvider sp = plain("loa3");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        TestServiceProvider.requestedAuthnContext(request, AuthnContextComparisonTypeEnumeration.EXACT,
                LevelOfAssurance.LOA3.uri());

        assertThat(status(answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID())))
                .isEqualTo(SamlStatusFailure.NO_AUTHN_CONTEXT);
        assertThat(lastAudit("saml.sso.no_authn_context").detail()).containsEntry("reason", "session_level_too_low");
    }

    @Test
    void requestedAuthnContextWhenMinimumMetThenAnsweredWithSessionLevel() throws Exception {
        TestServiceProvider sp = plain("loa2");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        TestServiceProvider.requestedAuthnContext(request, AuthnContextComparisonTypeEnumeration.MINIMUM,
                LevelOfAssurance.LOA2.uri());

        Assertion assertion = assertion(answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp,
                request.getID()), sp, false);

        assertThat(assertion.getAuthnStatements().get(0).getAuthnContext().getAuthnContextClassRef()
                .getAuthnContextClassRef()).isEqualTo(LevelOfAssurance.LOA2.uri());
    }

    @Test
    void requestedAuthnContextWhenUnknownClassOnlyThenNoAuthnContextBeforeSignIn() throws Exception {
        TestServiceProvider sp = plain("kelas-asing");
        SamlBrowserFlow flow = citizen();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        TestServiceProvider.requestedAuthnContext(request, AuthnContextComparisonTypeEnumeration.EXACT,
                "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard");

        assertThat(status(answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID())))
                .isEqualTo(SamlStatusFailure.NO_AUTHN_CONTEXT);
    }

    @Test
    void consentWhenApprovedThenStoredAndNotAskedAgain() throws Exception {
        TestServiceProvider sp = plain("izin", "profile", "email");
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        MvcResult page = flow.redirectBinding(sp.redirectQuery(sp.authnRequest(ssoUrl()), null, false));
        assertThat(SamlBrowserFlow.isConsentPage(page)).isTrue();
        assertThat(page.getResponse().getContentAsString()).contains("Layanan Uji SAML").contains("Profil Anda")
                .contains("Alamat email Anda").contains("Izinkan").contains("Tolak");
        SamlBrowserFlow.form(flow.decideConsent(page, "approve"));

        AuthnRequest again = sp.authnRequest(ssoUrl());
        MvcResult second = flow.redirectBinding(sp.redirectQuery(again, null, false));
        assertThat(SamlBrowserFlow.isConsentPage(second)).as("consent remembered").isFalse();
        answer(second, sp, again.getID());

        String applications = flow.get("/account/applications").getResponse().getContentAsString();
        assertThat(applications).contains("Layanan Uji SAML");
    }

    @Test
    void consentWhenWithdrawnOnApplicationsPageThenAskedAgain() throws Exception {
        TestServiceProvider testSp = TestServiceProvider.create("cabut");
        ServiceProvider sp = register(testSp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(),
                settings(SignedParts.BOTH, "profile"));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        SamlBrowserFlow.form(flow.approveIfAsked(flow.redirectBinding(
                testSp.redirectQuery(testSp.authnRequest(ssoUrl()), null, false))));
        assertThat(flow.get("/account/applications").getResponse().getContentAsString())
                .contains("data-client-id=\"" + sp.consentKey() + "\"");

        MvcResult withdrawn = flow.browser.perform(post("/account/applications/withdraw")
                .param("client_id", sp.consentKey()).with(csrf()));

        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/account/applications");
        assertThat(lastAudit("consent.withdrawn").clientId()).isEqualTo(testSp.entityId);
        assertThat(flow.get("/account/applications").getResponse().getContentAsString())
                .doesNotContain(sp.consentKey());
        assertThat(SamlBrowserFlow.isConsentPage(flow.redirectBinding(
                testSp.redirectQuery(testSp.authnRequest(ssoUrl()), null, false)))).isTrue();
    }

    @Test
    void consentWhenDeclinedThenRequestDeniedToSp() throws Exception {
        TestServiceProvider sp = plain("tolak-izin", "profile");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        MvcResult page = flow.redirectBinding(sp.redirectQuery(request, "rs-tolak", false));
        MvcResult declined = flow.decideConsent(page, "decline");

        Response response = answer(declined, sp, request.getID());
        assertThat(status(response)).isEqualTo(SamlStatusFailure.REQUEST_DENIED);
        assertThat(response.getAssertions()).isEmpty();
        assertThat(SamlBrowserFlow.form(declined).relayState()).isEqualTo("rs-tolak");
        assertThat(lastAudit(SsoResponder.CONSENT_DECLINED).citizenId()).isEqualTo(flow.citizen.id());
        assertThat(flow.decideConsent(page, "approve").getResponse().getStatus())
                .as("the declined request is gone").isEqualTo(400);
    }

    @Test
    void consentPageWhenEnglishThenEnglish() throws Exception {
        TestServiceProvider sp = plain("izin-en", "profile");
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        MvcResult page = flow.get(SamlPaths.SSO + "?" + sp.redirectQuery(sp.authnRequest(ssoUrl()), null, false)
                + "&lang=en");

        assertThat(page.getResponse().getContentAsString()).contains("asks to access your SatuPintu account")
                .contains("Allow").contains("Deny");
    }

    @Test
    void accountWhenDeceasedAfterSignInThenRequestDenied() throws Exception {
        TestServiceProvider sp = plain("wafat");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        Citizen c = flow.citizen;
        citizens.save(new Citizen(c.id(), c.nik(), c.fullName(), c.birthDate(), c.sex(), c.address(), c.email(),
                c.emailVerified(), c.phoneNumber(), c.phoneNumberVerified(), c.passwordHash(), CitizenStatus.DECEASED,
                c.createdAt(), c.updatedAt(), c.verification()));
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID());

        assertThat(status(response)).isEqualTo(SamlStatusFailure.REQUEST_DENIED);
        assertThat(response.getAssertions()).isEmpty();
        assertThat(lastAudit(SsoResponder.ACCOUNT_INACTIVE).citizenId()).isEqualTo(c.id());
    }

    @Test
    void accountWhenDisabledAfterSignInThenRequestDenied() throws Exception {
        TestServiceProvider sp = plain("nonaktif");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        Citizen c = flow.citizen;
        citizens.save(new Citizen(c.id(), c.nik(), c.fullName(), c.birthDate(), c.sex(), c.address(), c.email(),
                c.emailVerified(), c.phoneNumber(), c.phoneNumberVerified(), c.passwordHash(), CitizenStatus.DISABLED,
                c.createdAt(), c.updatedAt(), c.verification()));
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = answer(flow.redirectBinding(sp.redirectQuery(request, null, false)), sp, request.getID());

        assertThat(status(response)).isEqualTo(SamlStatusFailure.REQUEST_DENIED);
    }

    @Test
    void idpInitiatedWhenRelayStateOf81BytesThenErrorPage() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("inisiasi-rs");
        register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), idpInitiated());
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        MvcResult result = flow.get(SamlPaths.IDP_INITIATED + "?sp=" + TestServiceProvider.encode(sp.entityId)
                + "&RelayState=" + "r".repeat(81));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getRedirectedUrl()).isNull();
        assertThat(lastAudit(RelayStateCheck.RELAY_STATE).clientId()).isEqualTo(sp.entityId);
    }

    @Test
    void idpInitiatedWhenAllowedThenUnsolicitedResponseToDefaultAcs() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("inisiasi");
        register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), idpInitiated());
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        MvcResult result = flow.get(SamlPaths.IDP_INITIATED + "?sp=" + TestServiceProvider.encode(sp.entityId)
                + "&RelayState=beranda");

        PostForm form = SamlBrowserFlow.form(result);
        assertThat(form.relayState()).isEqualTo("beranda");
        Response response = answer(result, sp, null);
        Assertion assertion = assertion(response, sp, false);
        assertThat(assertion.getSubject().getSubjectConfirmations().get(0).getSubjectConfirmationData()
                .getInResponseTo()).isNull();
        assertThat(lastAudit(SsoResponder.ISSUED).detail()).containsEntry("unsolicited", "true");
    }

    @Test
    void idpInitiatedWhenNotSignedInThenSignInFirst() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("inisiasi-masuk");
        register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), idpInitiated());
        SamlBrowserFlow flow = citizen();

        MvcResult toLogin = flow.follow(flow.get(SamlPaths.IDP_INITIATED + "?sp=" + TestServiceProvider.encode(sp.entityId)));

        answer(flow.signInAndReturn(toLogin), sp, null);
    }

    @Test
    void idpInitiatedWhenNotAllowedForSpThenErrorPageAndAudited() throws Exception {
        TestServiceProvider sp = plain("tanpa-inisiasi");
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        MvcResult result = flow.get(SamlPaths.IDP_INITIATED + "?sp=" + TestServiceProvider.encode(sp.entityId));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getRedirectedUrl()).isNull();
        assertThat(result.getResponse().getContentAsString()).contains("tidak dapat dibuka langsung");
        assertThat(lastAudit(SingleSignOnController.IDP_INITIATED_REFUSED).detail())
                .containsEntry("reason", "not_allowed_for_sp");
    }

    @Test
    void idpInitiatedWhenSpUnknownThenNotFoundPage() throws Exception {
        SamlBrowserFlow flow = citizen();

        MvcResult result = flow.get(SamlPaths.IDP_INITIATED + "?sp=" + TestServiceProvider.encode("https://tak-ada.example/"));

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(lastAudit(SingleSignOnController.IDP_INITIATED_REFUSED).detail()).containsEntry("reason", "unknown_sp");
    }

    @Test
    void singleSignOnWhenSignedInThroughOidcThenSamlWithoutSigningInAgain() throws Exception {
        TestServiceProvider sp = plain("oidc-lalu-saml");
        SamlBrowserFlow flow = citizen();
        MvcResult authorize = flow.get(AUTHORIZE);
        assertThat(authorize.getResponse().getRedirectedUrl()).endsWith("/login");
        String back = flow.signIn();
        assertThat(back).contains("/oauth2/authorize");
        AuthnRequest request = sp.authnRequest(ssoUrl());

        MvcResult result = flow.redirectBinding(sp.redirectQuery(request, null, false));

        assertion(answer(result, sp, request.getID()), sp, false);
    }

    @Test
    void singleSignOnWhenSignedInThroughSamlThenOidcWithoutSigningInAgain() throws Exception {
        TestServiceProvider sp = plain("saml-lalu-oidc");
        SamlBrowserFlow flow = citizen();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        MvcResult toLogin = flow.follow(flow.redirectBinding(sp.redirectQuery(request, null, false)));
        answer(flow.signInAndReturn(toLogin), sp, request.getID());

        MvcResult authorize = flow.get(AUTHORIZE);

        String location = authorize.getResponse().getRedirectedUrl();
        assertThat(location).as("straight to consent, no sign-in").contains("/consent?").doesNotEndWith("/login");
    }
}
