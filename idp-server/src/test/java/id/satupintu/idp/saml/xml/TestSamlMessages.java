package id.satupintu.idp.saml.xml;

import java.time.Instant;
import java.util.UUID;

import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;

/** SAML messages as this IdP and its service providers exchange them, built with OpenSAML. */
public final class TestSamlMessages {

    public static final String IDP = "https://id.satupintu.example/saml2/idp/metadata";
    public static final String SP = "https://layanan.example.go.id/saml/metadata";
    public static final String ACS = "https://layanan.example.go.id/saml/acs";
    public static final String NAME_ID = "citizen-pairwise-4f2a9c";
    public static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private TestSamlMessages() {
    }

    public static String newId() {
        return "_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Response response() {
        Response response = responseWithoutAssertion();
        response.getAssertions().add(assertion());
        return response;
    }

    public static Response responseWithoutAssertion() {
        Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(new org.joda.time.DateTime(NOW.toEpochMilli()));
        response.setDestination(ACS);
        response.setInResponseTo("_request-1");
        response.setIssuer(issuer(IDP));
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    public static Assertion assertion() {
        Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(newId());
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(new org.joda.time.DateTime(NOW.toEpochMilli()));
        assertion.setIssuer(issuer(IDP));
        Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId(NAME_ID));
        assertion.setSubject(subject);
        Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(new org.joda.time.DateTime(NOW.toEpochMilli()));
        conditions.setNotOnOrAfter(new org.joda.time.DateTime(NOW.plusSeconds(300).toEpochMilli()));
        AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience audience = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setAudienceURI(SP);
        restriction.getAudiences().add(audience);
        conditions.getAudienceRestrictions().add(restriction);
        assertion.setConditions(conditions);
        AuthnStatement authn = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(new org.joda.time.DateTime(NOW.toEpochMilli()));
        authn.setSessionIndex("_session-1");
        AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setAuthnContextClassRef("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
        context.setAuthnContextClassRef(classRef);
        authn.setAuthnContext(context);
        assertion.getAuthnStatements().add(authn);
        AttributeStatement attributes = OpenSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        Attribute name = OpenSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
        name.setName("urn:oid:2.5.4.3");
        name.setFriendlyName("cn");
        name.setNameFormat(Attribute.URI_REFERENCE);
        XSString value = (XSString) org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilder(XSString.TYPE_NAME).buildObject(org.opensaml.saml.saml2.core.AttributeValue.DEFAULT_ELEMENT_NAME,
                        XSString.TYPE_NAME);
        value.setValue("Siti Rahayu");
        name.getAttributeValues().add(value);
        attributes.getAttributes().add(name);
        assertion.getAttributeStatements().add(attributes);
        return assertion;
    }

    public static AuthnRequest authnRequest() {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(new org.joda.time.DateTime(NOW.toEpochMilli()));
        request.setDestination("https://id.satupintu.example/saml2/idp/sso");
        request.setAssertionConsumerServiceURL(ACS);
        request.setProtocolBinding("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        request.setIssuer(issuer(SP));
        return request;
    }

    public static LogoutRequest logoutRequest() {
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(new org.joda.time.DateTime(NOW.toEpochMilli()));
        request.setDestination("https://id.satupintu.example/saml2/idp/slo");
        request.setIssuer(issuer(SP));
        request.setNameID(nameId(NAME_ID));
        return request;
    }

    public static NameID nameId(String value) {
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(value);
        nameId.setFormat(NameID.PERSISTENT);
        nameId.setNameQualifier(IDP);
        nameId.setSPNameQualifier(SP);
        return nameId;
    }

    private static Issuer issuer(String entityId) {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        return issuer;
    }

    /** @return the XML parsed again through the hardened parser, as a receiver reads it */
    @SuppressWarnings("unchecked")
    public static <T extends org.opensaml.core.xml.XMLObject> T reparse(String xml) {
        return (T) OpenSaml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
