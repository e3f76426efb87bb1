package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import java.io.StringReader;

import javax.xml.parsers.DocumentBuilderFactory;

import org.joda.time.DateTime;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
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
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.testsupport.Xmlsec1;

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
        assertXmlsec1Verifies(xml(form), Xmlsec1.RESPONSE);
        assertXmlsec1Verifies(standalone(assertion.getDOM()), Xmlsec1.ASSERTION);

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

    @Test
    void redirectBindingWhenQuerySignedBySpThenAccepted() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("tanda-kueri");
        register(sp, TestServiceProvider.MetadataOptions.defaults().signedRequests().withoutEncryption(),
                settings(SignedParts.RESPONSE));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = response(SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, "kueri", true))),
                sp, request.getID());

        TestServiceProvider.verify(response, idpCertificate());
        Assertion assertion = assertion(response, sp, false);
        assertThat(assertion.isSigned()).as("only the response is signed").isFalse();
    }

    @Test
    void responseWhenSpSignsAssertionOnlyThenResponseUnsignedAndAssertionSigned() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("tanda-asersi");
        register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption(), settings(SignedParts.ASSERTION));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = response(SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, null, false))),
                sp, request.getID());

        assertThat(response.isSigned()).isFalse();
        TestServiceProvider.verify(assertion(response, sp, false), idpCertificate());
    }

    @Test
    void responseWhenMetadataWantsAssertionsSignedThenAssertionSignedEvenIfSettingsSignResponseOnly() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("mau-asersi");
        register(sp, new TestServiceProvider.MetadataOptions(false, true, false, List.of(), List.of()),
                settings(SignedParts.RESPONSE));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = response(SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, null, false))),
                sp, request.getID());

        TestServiceProvider.verify(response, idpCertificate());
        TestServiceProvider.verify(assertion(response, sp, false), idpCertificate());
    }

    @Test
    void responseWhenSpPublishesEncryptionCertThenAssertionEncryptedSignedInside() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("sandi");
        register(sp, TestServiceProvider.MetadataOptions.defaults(), settings(SignedParts.BOTH));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        PostForm form = SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, null, false)));
        Response response = response(form, sp, request.getID());

        TestServiceProvider.verify(response, idpCertificate());
        assertXmlsec1Verifies(xml(form), Xmlsec1.RESPONSE);
        String decryptedByXmlsec1 = Xmlsec1.decrypt(xml(form), sp.encryptionKeys.getPrivate());
        assertXmlsec1Verifies(standalone(assertionElement(decryptedByXmlsec1)), Xmlsec1.ASSERTION);
        assertThat(response.getEncryptedAssertions().get(0).getEncryptedData().getEncryptionMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2009/xmlenc11#aes256-gcm");
        Assertion assertion = assertion(response, sp, true);
        TestServiceProvider.verify(assertion, idpCertificate());
        assertThat(assertion.getSubject().getNameID().getValue())
                .isEqualTo(pairwiseSubjects.subjectFor(AGENCY, flow.citizen.id()));
    }

    @Test
    void nameIdWhenTransientRequestedThenRandomPerResponse() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("sementara");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        NameID first = nameIdFor(flow, sp, NameIdPolicyResolver.TRANSIENT);
        NameID second = nameIdFor(flow, sp, NameIdPolicyResolver.TRANSIENT);

        assertThat(first.getFormat()).isEqualTo(NameIdPolicyResolver.TRANSIENT);
        assertThat(first.getValue()).isNotEqualTo(second.getValue())
                .isNotEqualTo(pairwiseSubjects.subjectFor(AGENCY, flow.citizen.id()));
    }

    @Test
    void nameIdWhenUnspecifiedRequestedThenPersistentValue() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("tak-tentu");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        NameID nameId = nameIdFor(flow, sp, NameIdPolicyResolver.UNSPECIFIED);

        assertThat(nameId.getFormat()).isEqualTo(NameIdPolicyResolver.UNSPECIFIED);
        assertThat(nameId.getValue()).isEqualTo(pairwiseSubjects.subjectFor(AGENCY, flow.citizen.id()));
    }

    @Test
    void nameIdWhenNoPolicyThenFirstSupportedFormatOfMetadata() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("bawaan");
        register(sp, TestServiceProvider.MetadataOptions.defaults().withoutEncryption().nameIdFormats(
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", NameIdPolicyResolver.TRANSIENT),
                settings(SignedParts.BOTH));
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        assertThat(nameIdFor(flow, sp, null).getFormat()).isEqualTo(NameIdPolicyResolver.TRANSIENT);
    }

    @Test
    void nameIdWhenUnsupportedFormatRequestedThenInvalidNameIdPolicyStatusToAcs() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("email-id");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());
        TestServiceProvider.nameIdPolicy(request, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", null);

        PostForm form = SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, "rs-x", false)));

        Response response = response(form, sp, request.getID());
        TestServiceProvider.verify(response, idpCertificate());
        assertThat(form.relayState()).isEqualTo("rs-x");
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(SamlStatusFailure.REQUESTER);
        assertThat(status(response)).isEqualTo(SamlStatusFailure.INVALID_NAME_ID_POLICY);
        assertThat(response.getAssertions()).isEmpty();
        assertThat(response.getEncryptedAssertions()).isEmpty();
        assertThat(lastAudit("saml.sso.invalid_nameid_policy").clientId()).isEqualTo(sp.entityId);
    }

    @Test
    void nameIdWhenSameAgencyOidcClientThenPersistentNameIdEqualsOidcPairwiseSub() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("sektor");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        assertThat(nameIdFor(flow, sp, NameIdPolicyResolver.PERSISTENT).getValue())
                .isEqualTo(pairwiseSubjects.subjectFor(AGENCY, flow.citizen.id()));
    }

    @Test
    void sessionIndexWhenSameSpTwiceInOneSessionThenSameIndex() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("indeks");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        flow.signIn();

        assertThat(sessionIndexFor(flow, sp)).isEqualTo(sessionIndexFor(flow, sp));
    }

    @Test
    void attributesWhenSpHasNikScopeThenNikReleasedAndAuditedMasked() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("nik");
        registerPlain(sp, SignedParts.BOTH, "profile", "phone", "address", "nik");
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        MvcResult answered = flow.approveIfAsked(flow.redirectBinding(sp.redirectQuery(request, null, false)));

        Map<String, List<String>> attributes = attributes(assertion(response(SamlBrowserFlow.form(answered), sp,
                request.getID()), sp, false));
        assertThat(attributes).containsEntry("nik", List.of(flow.citizen.nik().value()))
                .containsKeys("familyCardNumber", "telephoneNumber", "postalAddress", "l", "st", "postalCode",
                        "displayName")
                .doesNotContainKey("mail");
        var released = lastAudit(SsoResponder.NIK_RELEASED);
        assertThat(released.clientId()).isEqualTo(sp.entityId);
        assertThat(released.detail().get("nik")).isEqualTo(flow.citizen.nik().masked())
                .doesNotContain(flow.citizen.nik().value());
    }

    private NameID nameIdFor(SamlBrowserFlow flow, TestServiceProvider sp, String format) throws Exception {
        AuthnRequest request = sp.authnRequest(ssoUrl());
        if (format != null) {
            TestServiceProvider.nameIdPolicy(request, format, null);
        }
        MvcResult answered = flow.approveIfAsked(flow.redirectBinding(sp.redirectQuery(request, null, false)));
        return assertion(response(SamlBrowserFlow.form(answered), sp, request.getID()), sp, false)
                .getSubject().getNameID();
    }

    private String sessionIndexFor(SamlBrowserFlow flow, TestServiceProvider sp) throws Exception {
        AuthnRequest request = sp.authnRequest(ssoUrl());
        MvcResult answered = flow.approveIfAsked(flow.redirectBinding(sp.redirectQuery(request, null, false)));
        return assertion(response(SamlBrowserFlow.form(answered), sp, request.getID()), sp, false)
                .getAuthnStatements().get(0).getSessionIndex();
    }

    @Test
    void postBindingWhenUnsignedAndNotSignedInThenSignInThenAnswered() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("pos-polos");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        MvcResult toLogin = flow.follow(flow.postBinding(TestServiceProvider.postValue(request), "rs-pos"));
        PostForm form = SamlBrowserFlow.form(flow.signInAndReturn(toLogin));

        assertThat(form.relayState()).isEqualTo("rs-pos");
        TestServiceProvider.verify(response(form, sp, request.getID()), idpCertificate());
    }

    @Test
    void postedHandleWhenUsedTwiceThenSecondRefused() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("pos-dua-kali");
        registerPlain(sp, SignedParts.BOTH);
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        MvcResult posted = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post(id.satupintu.idp.saml.SamlPaths.SSO)
                .param("SAMLRequest", TestServiceProvider.postValue(sp.authnRequest(ssoUrl())))).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(303);
        String continuation = posted.getResponse().getRedirectedUrl();
        assertThat(continuation).startsWith(SsoPaths.POSTED + "?handle=");

        SamlBrowserFlow.form(flow.get(continuation));
        MvcResult again = flow.get(continuation);

        assertThat(again.getResponse().getStatus()).isEqualTo(400);
        assertThat(lastAudit(SingleSignOnController.POSTED_UNKNOWN).outcome()).isEqualTo("failure");
    }

    @Test
    void encryptionWhenSpMetadataListsOnlyCbcThenAes128Cbc() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("cbc");
        register(sp, new TestServiceProvider.MetadataOptions(false, false, true, List.of(),
                List.of("http://www.w3.org/2001/04/xmlenc#aes128-cbc")), settings(SignedParts.BOTH));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = response(SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, null, false))),
                sp, request.getID());

        assertThat(response.getEncryptedAssertions().get(0).getEncryptedData().getEncryptionMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2001/04/xmlenc#aes128-cbc");
        TestServiceProvider.verify(assertion(response, sp, true), idpCertificate());
    }

    @Test
    void encryptionWhenSettingsTurnItOffThenPlainAssertionDespiteCertificate() throws Exception {
        TestServiceProvider sp = TestServiceProvider.create("tanpa-sandi");
        register(sp, TestServiceProvider.MetadataOptions.defaults(), new ServiceProvider.Settings(java.util.Set.of(),
                SignedParts.BOTH, false, false, false, null, null));
        SamlBrowserFlow flow = citizen();
        flow.signIn();
        AuthnRequest request = sp.authnRequest(ssoUrl());

        Response response = response(SamlBrowserFlow.form(flow.redirectBinding(sp.redirectQuery(request, null, false))),
                sp, request.getID());

        TestServiceProvider.verify(assertion(response, sp, false), idpCertificate());
    }

    /**
     * The assertion as a document of its own, as an SP keeps it: with the namespace declarations in
     * scope from its ancestors (the {@code xsd} prefix of {@code xsi:type} values may be declared on
     * the Response, which exclusive canonicalisation's InclusiveNamespaces takes into account).
     */
    static String standalone(Element assertion) {
        Element copy = (Element) assertion.cloneNode(true);
        for (Node parent = assertion.getParentNode(); parent instanceof Element ancestor; parent = ancestor.getParentNode()) {
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if ("http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())
                        && !copy.hasAttributeNS(attribute.getNamespaceURI(), attribute.getLocalName())) {
                    copy.setAttributeNS(attribute.getNamespaceURI(), attribute.getName(), attribute.getValue());
                }
            }
        }
        return OpenSaml.toXml(copy);
    }

    static Element assertionElement(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        return (Element) document.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
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
