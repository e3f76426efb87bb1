package id.satupintu.idp.saml.slo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import org.joda.time.DateTime;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/** Builds the single logout messages this IdP sends (SAML Core §3.7.1 and §3.7.2). */
final class SloMessages {

    /** How long a LogoutRequest we send stays valid ({@code NotOnOrAfter}, SAML Core §3.7.1). */
    static final java.time.Duration REQUEST_VALIDITY = java.time.Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private SloMessages() {
    }

    /** @return a new message ID: 160 random bits, starting with a letter as xs:ID requires (SAML Core §1.3.4) */
    static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** A LogoutRequest to a session participant, naming what it was given at sign-on (SAML Core §3.7.1). */
    static LogoutRequest logoutRequest(String issuer, String destination, SamlParticipant participant, Instant now) {
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(newId());
        request.setIssueInstant(new DateTime(now.toEpochMilli()));
        request.setDestination(destination);
        request.setNotOnOrAfter(new DateTime(now.plus(REQUEST_VALIDITY).toEpochMilli()));
        request.setReason(LogoutRequest.USER_REASON);
        request.setIssuer(issuer(issuer));
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(participant.nameId());
        nameId.setFormat(participant.nameIdFormat());
        // exactly the NameID of the assertion (Core §3.7.1), qualifiers included: SPs such as
        // pysaml2 compare the whole NameID, not only its value
        nameId.setNameQualifier(participant.nameQualifier());
        nameId.setSPNameQualifier(participant.spNameQualifier());
        request.setNameID(nameId);
        SessionIndex index = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setSessionIndex(participant.sessionIndex());
        request.getSessionIndexes().add(index);
        return request;
    }

    /**
     * A LogoutResponse (SAML Core §3.7.2).
     *
     * @param secondLevel a second-level status code (Core §3.2.2.2), or null
     */
    static LogoutResponse logoutResponse(String issuer, String destination, String inResponseTo, String topLevel,
                                         String secondLevel, Instant now) {
        LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(newId());
        response.setIssueInstant(new DateTime(now.toEpochMilli()));
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer(issuer));
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(topLevel);
        if (secondLevel != null) {
            StatusCode second = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            second.setValue(secondLevel);
            code.setStatusCode(second);
        }
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private static Issuer issuer(String entityId) {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        return issuer;
    }
}
