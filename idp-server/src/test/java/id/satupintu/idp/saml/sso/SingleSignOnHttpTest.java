package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.joda.time.DateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.oidc.PairwiseSubjects;
import id.satupintu.idp.saml.binding.PostForm;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProvider.SignedParts;
import id.satupintu.idp.session.LevelOfAssurance;

/** SP-initiated Web Browser SSO over HTTP, both bindings, as a service provider sees it. */
class SingleSignOnHttpTest extends SamlSsoTestSupport {

    private static TestServiceProvider plainSp;
    private static TestServiceProvider signingSp;

    @Autowired
    PairwiseSubjects pairwiseSubjects;

    @BeforeAll
    static void serviceProviders() {
        plainSp = TestServiceProvider.create("polos");
        signingSp = TestServiceProvider.create("bertanda");
    }

    private ServiceProvider registerPlain(TestServiceProvider sp, SignedParts parts, String... scopes) {
        return register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), settings(parts, scopes));
    }

    @Test
    void redirectBindingWhenNotSignedInThenSignInThenSignedAssertionForTheSp() throws Exception {
        ServiceProvider sp = registerPlain(plainSp, SignedParts.BOTH, "profile");
        SamlBrowserFlow flow = citizen();
        AuthnRequest request = plainSp.authnRequest(ssoUrl());

        MvcResult first = flow.follow(flow.redirectBinding(plainSp.redirectQuery(request, "rs-1", false)));
        MvcResult answered = flow.approveIfAsked(flow.signInAndReturn(first));

        PostForm form = SamlBrowserFlow.form(answered);
        assertThat(form.relayState()).isEqualTo("rs-1");
        Response response = response(form, plainSp, request.getID());
        TestServiceProvider.verify(response, idpCertificate());
        Assertion assertion = assertion(response, plainSp, false);
        TestServiceProvider.verify(assertion, idpCertificate());

        assertThat(assertion.getIssuer().getValue()).isEqualTo(entityId());
        NameID nameId = assertion.getSubject().getNameID();
        assertThat(nameId.getFormat()).isEqualTo(NameIdPolicyResolver.PERSISTENT);
        assertThat(nameId.getValue()).isEqualTo(pairwiseSubjects.subjectFor(AGENCY, flow.citizen.id()));
        assertThat(nameId.getNameQualifier()).isEqualTo(entityId());
        assertThat(nameId.getSPNameQualifier()).isEqualTo(plainSp.entityId);
        SubjectConfirmationData confirmation = assertion.getSubject().getSubjectConfirmations().get(0)
                .getSubjectConfirmationData();
        assertThat(assertion.getSubject().getSubjectConfirmations().get(0).getMethod())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:cm:bearer");
        assertThat(confirmation.getInResponseTo()).isEqualTo(request.getID());
        assertThat(confirmation.getRecipient()).isEqualTo(plainSp.acsUrl);
        assertThat(millis(confirmation.getNotOnOrAfter()) - millis(assertion.getIssueInstant()))
                .isEqualTo(Duration.ofMinutes(5).toMillis());
        assertThat(assertion.getConditions().getAudienceRestrictions().get(0).getAudiences().get(0).getAudienceURI())
                .isEqualTo(plainSp.entityId);
        assertThat(assertion.getConditions().getNotBefore()).isNotNull();
        assertThat(assertion.getConditions().getNotOnOrAfter()).isNotNull();
        AuthnStatement authn = assertion.getAuthnStatements().get(0);
        assertThat(authn.getSessionIndex()).isNotBlank();
        assertThat(authn.getAuthnContext().getAuthnContextClassRef().getAuthnContextClassRef())
                .isEqualTo(LevelOfAssurance.LOA2.uri());
        assertThat(Instant.ofEpochMilli(millis(authn.getAuthnInstant()))).isBefore(Instant.now().plusSeconds(1));
        assertThat(attributes(assertion)).containsEntry("displayName", List.of("Ayu Kartika Sari"))
                .containsKey("pairwise-id").doesNotContainKey("mail").doesNotContainKey("nik");
        assertThat(lastAudit(SsoResponder.ISSUED).clientId()).isEqualTo(sp.entityId());
    }

    @Test
    void postBindingWhenSignedInThenAnsweredWithoutSignInAndWithoutCookieOnThePost() throws Exception {
        ServiceProvider sp = register(signingSp, TestServiceProvider.MetadataOptions.defaults().signedRequests(),
                settings(SignedParts.BOTH, "profile", "email"));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = signingSp.authnRequest(ssoUrl());
        signingSp.signEnveloped(request);

        MvcResult answered = flow.approveIfAsked(flow.postBinding(TestServiceProvider.postValue(request), "rs-post"));

        PostForm form = SamlBrowserFlow.form(answered);
        assertThat(form.relayState()).isEqualTo("rs-post");
        Response response = response(form, signingSp, request.getID());
        TestServiceProvider.verify(response, idpCertificate());
        Assertion assertion = assertion(response, signingSp, true);
        TestServiceProvider.verify(assertion, idpCertificate());
        assertThat(attributes(assertion)).containsEntry("mail", List.of("ayu@example.id"));
        assertThat(sp.requiresSignedRequests()).isTrue();
    }

    private static long millis(DateTime time) {
        return time.getMillis();
    }

    static Map<String, List<String>> attributes(Assertion assertion) {
        return assertion.getAttributeStatements().stream().flatMap(s -> s.getAttributes().stream())
                .collect(Collectors.toMap(Attribute::getFriendlyName, a -> a.getAttributeValues().stream()
                        .map(v -> ((XSString) v).getValue()).toList()));
    }
}
