package id.satupintu.idp.saml.sso;

import java.time.Duration;
import java.time.Instant;

import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

import id.satupintu.idp.saml.xml.OpenSaml;

/**
 * Builds the SAML Response of Web Browser SSO (SAML Profiles §4.1.4.2, Core §2 and §3.2.2), unsigned:
 * <ul>
 * <li>Response: {@code ID}, {@code Version} 2.0, {@code IssueInstant}, {@code Destination} = the ACS,
 *     {@code InResponseTo} (absent when unsolicited), {@code Issuer} = this IdP, {@code Status};</li>
 * <li>Assertion: {@code Issuer}; {@code Subject} with the NameID and a bearer
 *     {@code SubjectConfirmation} whose data carries {@code InResponseTo}, {@code Recipient} = the ACS
 *     and {@code NotOnOrAfter}; {@code Conditions} with {@code NotBefore}, {@code NotOnOrAfter} and an
 *     {@code AudienceRestriction} to the SP; an {@code AuthnStatement} with {@code AuthnInstant},
 *     {@code SessionIndex} and the {@code AuthnContextClassRef}; an {@code AttributeStatement} when
 *     there are attributes.</li>
 * </ul>
 * A failure response carries the status codes only (§3.2.2.2). Signing and encryption are
 * {@link ResponseProtection}'s job.
 */
final class SamlResponseFactory {

    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private final String idpEntityId;
    private final Duration lifetime;

    SamlResponseFactory(String idpEntityId, Duration assertionLifetime) {
        this.idpEntityId = idpEntityId;
        this.lifetime = assertionLifetime;
        OpenSaml.initialize();
    }

    Assertion assertion(AssertionContent content, ValidatedAuthnRequest request, Instant now) {
        Assertion assertion = OpenSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(SamlIds.newId());
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(time(now));
        assertion.setIssuer(issuer());
        assertion.setSubject(subject(content.subject(), request, now));
        assertion.setConditions(conditions(request.spEntityId(), now));
        assertion.getAuthnStatements().add(authnStatement(content));
        if (!content.attributes().isEmpty()) {
            AttributeStatement statement = OpenSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
            content.attributes().forEach(attribute -> statement.getAttributes().add(attribute(attribute)));
            assertion.getAttributeStatements().add(statement);
        }
        return assertion;
    }

    /** @return a Success response, to which the (signed, perhaps encrypted) assertion is added */
    Response success(ValidatedAuthnRequest request, Instant now) {
        return response(request, now, status(StatusCode.SUCCESS, null));
    }

    Response failure(ValidatedAuthnRequest request, SamlStatusFailure failure, Instant now) {
        return response(request, now, status(failure.topLevel(), failure.secondLevel()));
    }

    private Response response(ValidatedAuthnRequest request, Instant now, Status status) {
        Response response = OpenSaml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(SamlIds.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(time(now));
        response.setDestination(request.assertionConsumerService());
        response.setInResponseTo(request.requestId());
        response.setIssuer(issuer());
        response.setStatus(status);
        return response;
    }

    private static Status status(String topLevel, String secondLevel) {
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(topLevel);
        if (secondLevel != null) {
            StatusCode nested = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            nested.setValue(secondLevel);
            code.setStatusCode(nested);
        }
        status.setStatusCode(code);
        return status;
    }

    /** SAML Profiles §4.1.4.2: the Issuer's Format is omitted or entity; omitted here, entity is the default. */
    private Issuer issuer() {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(idpEntityId);
        return issuer;
    }

    private Subject subject(SubjectName name, ValidatedAuthnRequest request, Instant now) {
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(name.value());
        nameId.setFormat(name.format());
        nameId.setNameQualifier(name.nameQualifier());
        nameId.setSPNameQualifier(name.spNameQualifier());
        SubjectConfirmationData data = OpenSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setInResponseTo(request.requestId());
        data.setRecipient(request.assertionConsumerService());
        data.setNotOnOrAfter(time(now.plus(lifetime)));
        SubjectConfirmation confirmation = OpenSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(BEARER);
        confirmation.setSubjectConfirmationData(data);
        Subject subject = OpenSaml.build(Subject.DEFAULT_ELEMENT_NAME);
        subject.setNameID(nameId);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private Conditions conditions(String audienceEntityId, Instant now) {
        Audience audience = OpenSaml.build(Audience.DEFAULT_ELEMENT_NAME);
        audience.setAudienceURI(audienceEntityId);
        AudienceRestriction restriction = OpenSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        restriction.getAudiences().add(audience);
        Conditions conditions = OpenSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(time(now));
        conditions.setNotOnOrAfter(time(now.plus(lifetime)));
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    private static AuthnStatement authnStatement(AssertionContent content) {
        AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setAuthnContextClassRef(content.authnContextClassRef());
        AuthnContext context = OpenSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        context.setAuthnContextClassRef(classRef);
        AuthnStatement statement = OpenSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(time(content.authnInstant()));
        statement.setSessionIndex(content.sessionIndex());
        statement.setAuthnContext(context);
        return statement;
    }

    private static Attribute attribute(SamlAttribute released) {
        Attribute attribute = OpenSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(released.name());
        attribute.setNameFormat(SamlAttribute.URI_NAME_FORMAT);
        attribute.setFriendlyName(released.friendlyName());
        for (String value : released.values()) {
            XSString xmlValue = (XSString) XMLObjectProviderRegistrySupport.getBuilderFactory()
                    .getBuilderOrThrow(XSString.TYPE_NAME).buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
            xmlValue.setValue(value);
            attribute.getAttributeValues().add(xmlValue);
        }
        return attribute;
    }

    private static DateTime time(Instant instant) {
        return new DateTime(instant.toEpochMilli(), DateTimeZone.UTC);
    }
}
