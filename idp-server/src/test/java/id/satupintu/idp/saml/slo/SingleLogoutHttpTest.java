package id.satupintu.idp.saml.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.slo.SloTestServiceProvider.Received;
import id.satupintu.idp.session.logout.HttpBrowser;
import id.satupintu.idp.testsupport.Xmlsec1;

/**
 * SAML Single Logout (SAML Profiles §4.4) over HTTP: service-provider-initiated logout over
 * HTTP-Redirect and HTTP-POST, propagation to the session's other SPs, and every refused
 * LogoutRequest.
 */
class SingleLogoutHttpTest extends SloHttpTestSupport {

    private static final String LOGOUT_RESPONSE = "urn:oasis:names:tc:SAML:2.0:protocol:LogoutResponse";

    @Test
    void redirectLogoutWhenSecondSpInSessionThenSecondSpAskedThenInitiatorGetsSignedSuccessWithRelayState()
            throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider initiator = registeredSp("portal", SamlBinding.REDIRECT);
        SloTestServiceProvider other = registeredSp("pajak", SamlBinding.REDIRECT, SamlBinding.POST);
        SignOn initiatorSignOn = signOn(citizen.browser(), initiator);
        SignOn otherSignOn = signOn(citizen.browser(), other);
        LogoutRequest request = initiator.logoutRequest(IDP_SLO, initiatorSignOn.nameId(), initiatorSignOn.format(),
                initiatorSignOn.sessionIndex());

        HttpResponse<String> toOther = citizen.browser().get(IDP_SLO + "?"
                + initiator.redirectQuery(request, "SAMLRequest", "relay-é 1", true));

        assertThat(toOther.statusCode()).as(toOther.body()).isEqualTo(302);
        Received propagated = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toOther));
        SloTestServiceProvider.verify(propagated, idpCertificate());
        LogoutRequest asked = (LogoutRequest) propagated.message();
        assertThat(propagated.destination()).isEqualTo(other.sloUrl);
        assertThat(asked.getDestination()).isEqualTo(other.sloUrl);
        assertThat(asked.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(asked.getNameID().getValue()).isEqualTo(otherSignOn.nameId());
        assertThat(asked.getNameID().getFormat()).isEqualTo(otherSignOn.format());
        // the NameID exactly as in the assertion, qualifiers included (Core §3.7.1)
        assertThat(asked.getNameID().getNameQualifier()).isEqualTo(ISSUER);
        assertThat(asked.getNameID().getSPNameQualifier()).isEqualTo(other.entityId);
        assertThat(asked.getSessionIndexes()).singleElement()
                .satisfies(i -> assertThat(i.getSessionIndex()).isEqualTo(otherSignOn.sessionIndex()));
        assertThat(signedIn(citizen.browser())).isFalse();

        HttpResponse<String> toInitiator = citizen.browser().get(IDP_SLO + "?" + other.redirectQuery(
                other.logoutResponse(IDP_SLO, asked.getID(), StatusCode.SUCCESS), "SAMLResponse", null, true));

        assertThat(toInitiator.statusCode()).as(toInitiator.body()).isEqualTo(302);
        Received answer = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toInitiator));
        SloTestServiceProvider.verify(answer, idpCertificate());
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(answer.destination()).isEqualTo(initiator.sloUrl);
        assertThat(answer.relayState()).isEqualTo("relay-é 1");
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getDestination()).isEqualTo(initiator.sloUrl);
        assertThat(response.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getStatus().getStatusCode().getStatusCode()).isNull();
        assertThat(auditOf("saml.slo.completed", initiator.entityId)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("partial", "false"));
    }

    @Test
    void postLogoutWhenOnlyParticipantThenSessionEndedAndPostedResponseVerifiedByOpenSamlAndXmlsec1() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider sp = registeredSp("layanan", true, SamlBinding.POST);
        SignOn signOn = signOn(citizen.browser(), sp);
        LogoutRequest request = sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());
        sp.signEnveloped(request);

        HttpResponse<String> parked = citizen.browser().crossSitePost(IDP_SLO, Map.of(
                "SAMLRequest", SloTestServiceProvider.postValue(request), "RelayState", "kembali"));
        assertThat(parked.statusCode()).isEqualTo(303);
        HttpResponse<String> page = citizen.browser().follow(parked);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Received answer = SloTestServiceProvider.fromPostForm(page.body());
        SloTestServiceProvider.verify(answer, idpCertificate());
        assertThat(Xmlsec1.verify(answer.xml(), idpCertificate(), LOGOUT_RESPONSE).ok()).isTrue();
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(answer.destination()).isEqualTo(sp.sloResponseUrl);
        assertThat(response.getDestination()).isEqualTo(sp.sloResponseUrl);
        assertThat(answer.relayState()).isEqualTo("kembali");
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(signedIn(citizen.browser())).isFalse();
        assertThat(auditOf("sso.logout", citizen.citizen().id())).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("initiator", "saml_service_provider"));
        // the signed-out browser must still load the script that submits the form
        assertThat(page.body()).contains("src=\"/js/saml-post.js\"");
        HttpResponse<String> script = citizen.browser().get("/js/saml-post.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("data-auto-submit");
    }

    /** The refusal every failed check gives: a signed Requester LogoutResponse to the SP, the session kept. */
    private Received refused(SignedIn citizen, SloTestServiceProvider sp, HttpResponse<String> answer,
                             LogoutRequest request, String secondLevel, String auditType) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        Received received = SloTestServiceProvider.fromRedirect(HttpBrowser.location(answer));
        SloTestServiceProvider.verify(received, idpCertificate());
        LogoutResponse response = (LogoutResponse) received.message();
        assertThat(received.destination()).isEqualTo(sp.sloUrl);
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.REQUESTER);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(secondLevel);
        assertThat(signedIn(citizen.browser())).as("the session is not ended").isTrue();
        assertThat(auditOf(auditType, sp.entityId)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("failure"));
        return received;
    }

    private record Participant(SignedIn citizen, SloTestServiceProvider sp, SignOn signOn) {

        LogoutRequest request() {
            return sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());
        }
    }

    private Participant participant() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider sp = registeredSp("uji", SamlBinding.REDIRECT);
        return new Participant(citizen, sp, signOn(citizen.browser(), sp));
    }

    private HttpResponse<String> sendSigned(Participant p, LogoutRequest request) throws Exception {
        return p.citizen().browser().get(IDP_SLO + "?" + p.sp().redirectQuery(request, "SAMLRequest", null, true));
    }

    @Test
    void logoutWhenUnsignedThenRefusedWithRequestDeniedAndAudited() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.request();

        HttpResponse<String> answer = p.citizen().browser().get(IDP_SLO + "?"
                + p.sp().redirectQuery(request, "SAMLRequest", null, false));

        refused(p.citizen(), p.sp(), answer, request, StatusCode.REQUEST_DENIED, "saml.slo.unsigned");
    }

    @Test
    void logoutWhenPostedUnsignedThenRefusedWithRequestDenied() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.request();

        HttpResponse<String> parked = p.citizen().browser().crossSitePost(IDP_SLO,
                Map.of("SAMLRequest", SloTestServiceProvider.postValue(request)));
        HttpResponse<String> answer = p.citizen().browser().follow(parked);

        refused(p.citizen(), p.sp(), answer, request, StatusCode.REQUEST_DENIED, "saml.slo.unsigned");
    }

    @Test
    void logoutWhenSignedByAnotherKeyThenRefusedAsBadSignature() throws Exception {
        Participant p = participant();
        SloTestServiceProvider impostor = new SloTestServiceProvider("palsu", java.util.List.of(), false);
        LogoutRequest request = p.request();
        // the impostor's own key signs a request naming the registered SP as issuer
        String query = impostor.redirectQuery(request, "SAMLRequest", null, true);

        HttpResponse<String> answer = p.citizen().browser().get(IDP_SLO + "?" + query);

        refused(p.citizen(), p.sp(), answer, request, StatusCode.REQUEST_DENIED, "saml.slo.bad_signature");
    }

    @Test
    void logoutWhenWrongDestinationThenRefused() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.request();
        request.setDestination("https://idp.lain.example/saml2/idp/slo");

        refused(p.citizen(), p.sp(), sendSigned(p, request), request, StatusCode.REQUEST_DENIED,
                "saml.slo.wrong_destination");
    }

    @Test
    void logoutWhenNotOnOrAfterPassedThenRefusedAsExpired() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.request();
        request.setNotOnOrAfter(new DateTime(Instant.now().minusSeconds(600).toEpochMilli()));

        refused(p.citizen(), p.sp(), sendSigned(p, request), request, StatusCode.REQUEST_DENIED, "saml.slo.expired");
    }

    @Test
    void logoutWhenIssueInstantTooOldThenRefusedAsStale() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.request();
        request.setIssueInstant(new DateTime(Instant.now().minusSeconds(3600).toEpochMilli()));
        request.setNotOnOrAfter(null);

        refused(p.citizen(), p.sp(), sendSigned(p, request), request, StatusCode.REQUEST_DENIED, "saml.slo.stale");
    }

    @Test
    void logoutWhenSessionIndexIsNotTheSessionsThenUnknownPrincipalAndNothingEnded() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.sp().logoutRequest(IDP_SLO, p.signOn().nameId(), p.signOn().format(), "_other-session");

        refused(p.citizen(), p.sp(), sendSigned(p, request), request, StatusCode.UNKNOWN_PRINCIPAL,
                "saml.slo.unknown_principal");
    }

    @Test
    void logoutWhenNameIdIsAnotherCitizensThenUnknownPrincipal() throws Exception {
        Participant p = participant();
        LogoutRequest request = p.sp().logoutRequest(IDP_SLO, "someone-else", p.signOn().format(),
                p.signOn().sessionIndex());

        refused(p.citizen(), p.sp(), sendSigned(p, request), request, StatusCode.UNKNOWN_PRINCIPAL,
                "saml.slo.unknown_principal");
    }

    @Test
    void logoutWhenSameRequestIdSentAgainThenRefusedAsReplay() throws Exception {
        Participant p = participant();
        LogoutRequest first = p.sp().logoutRequest(IDP_SLO, p.signOn().nameId(), p.signOn().format(), "_not-this-one");
        refused(p.citizen(), p.sp(), sendSigned(p, first), first, StatusCode.UNKNOWN_PRINCIPAL,
                "saml.slo.unknown_principal");
        LogoutRequest replay = p.request();
        replay.setID(first.getID());

        refused(p.citizen(), p.sp(), sendSigned(p, replay), replay, StatusCode.REQUEST_DENIED, "saml.slo.replayed");
    }

    @Test
    void logoutWhenIssuerNotRegisteredThenErrorPageAndNoRedirect() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider unknown = new SloTestServiceProvider("asing", java.util.List.of(SamlBinding.REDIRECT), false);
        LogoutRequest request = unknown.logoutRequest(IDP_SLO, "x", null, null);

        HttpResponse<String> answer = citizen.browser().get(IDP_SLO + "?"
                + unknown.redirectQuery(request, "SAMLRequest", null, true));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("id=\"slo-error\"").contains("Keluar tidak dapat diselesaikan");
        assertThat(signedIn(citizen.browser())).isTrue();
        assertThat(auditOf("saml.slo.unknown_sp", unknown.entityId)).hasSize(1);
    }

    @Test
    void logoutWhenSpMetadataListsNoSloEndpointThenErrorPageAndNoRedirect() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider sp = registeredSp("tanpa-slo");
        SignOn signOn = signOn(citizen.browser(), sp);
        LogoutRequest request = sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());

        HttpResponse<String> answer = citizen.browser().get(IDP_SLO + "?"
                + sp.redirectQuery(request, "SAMLRequest", null, true));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(signedIn(citizen.browser())).isTrue();
        assertThat(auditOf("saml.slo.no_slo_endpoint", sp.entityId)).hasSize(1);
    }

    @Test
    void logoutWhenMessageNotSamlThenErrorPageAudited() throws Exception {
        SignedIn citizen = signedInCitizen();

        HttpResponse<String> answer = citizen.browser().get(IDP_SLO + "?SAMLRequest=bm90LXNhbWw%3D");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(signedIn(citizen.browser())).isTrue();
    }

    @Test
    void logoutWhenOtherSpAnswersWithErrorThenInitiatorGetsPartialLogout() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider initiator = registeredSp("awal", SamlBinding.REDIRECT);
        SloTestServiceProvider failing = registeredSp("gagal", SamlBinding.POST);
        SignOn initiatorSignOn = signOn(citizen.browser(), initiator);
        signOn(citizen.browser(), failing);
        LogoutRequest request = initiator.logoutRequest(IDP_SLO, initiatorSignOn.nameId(), initiatorSignOn.format(),
                initiatorSignOn.sessionIndex());

        HttpResponse<String> form = citizen.browser().get(IDP_SLO + "?"
                + initiator.redirectQuery(request, "SAMLRequest", null, true));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Received asked = SloTestServiceProvider.fromPostForm(form.body());
        SloTestServiceProvider.verify(asked, idpCertificate());
        assertThat(asked.destination()).isEqualTo(failing.sloUrl);
        LogoutResponse failure = failing.logoutResponse(IDP_SLO, asked.message().getDOM().getAttribute("ID"),
                StatusCode.RESPONDER);
        failing.signEnveloped(failure);
        HttpResponse<String> parked = citizen.browser().crossSitePost(IDP_SLO,
                Map.of("SAMLResponse", SloTestServiceProvider.postValue(failure)));
        HttpResponse<String> toInitiator = citizen.browser().follow(parked);

        Received answer = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toInitiator));
        SloTestServiceProvider.verify(answer, idpCertificate());
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.PARTIAL_LOGOUT);
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(auditOf("saml.slo.participant_failed", failing.entityId)).hasSize(1);
        assertThat(signedIn(citizen.browser())).isFalse();
    }

    @Test
    void logoutWhenOtherSpNeverAnswersThenContinuingGoesOnWithPartialLogout() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider initiator = registeredSp("mulai", SamlBinding.REDIRECT);
        SloTestServiceProvider silent = registeredSp("diam", SamlBinding.REDIRECT);
        SignOn initiatorSignOn = signOn(citizen.browser(), initiator);
        signOn(citizen.browser(), silent);
        LogoutRequest request = initiator.logoutRequest(IDP_SLO, initiatorSignOn.nameId(), initiatorSignOn.format(),
                initiatorSignOn.sessionIndex());
        HttpResponse<String> toSilent = citizen.browser().get(IDP_SLO + "?"
                + initiator.redirectQuery(request, "SAMLRequest", "rs", true));
        assertThat(HttpBrowser.location(toSilent)).startsWith(silent.sloUrl);

        HttpResponse<String> toInitiator = citizen.browser().get(SloEndpoints.CONTINUE);

        Received answer = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toInitiator));
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(answer.destination()).isEqualTo(initiator.sloUrl);
        assertThat(answer.relayState()).isEqualTo("rs");
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.PARTIAL_LOGOUT);
        assertThat(auditOf("saml.slo.no_answer", silent.entityId)).hasSize(1);
    }

    @Test
    void logoutResponseWhenInResponseToIsNotTheOutstandingRequestThenNotCountedAsConfirmation() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider initiator = registeredSp("satu", SamlBinding.REDIRECT);
        SloTestServiceProvider other = registeredSp("dua", SamlBinding.REDIRECT);
        SignOn initiatorSignOn = signOn(citizen.browser(), initiator);
        signOn(citizen.browser(), other);
        LogoutRequest request = initiator.logoutRequest(IDP_SLO, initiatorSignOn.nameId(), initiatorSignOn.format(),
                initiatorSignOn.sessionIndex());
        citizen.browser().get(IDP_SLO + "?" + initiator.redirectQuery(request, "SAMLRequest", null, true));

        HttpResponse<String> toInitiator = citizen.browser().get(IDP_SLO + "?" + other.redirectQuery(
                other.logoutResponse(IDP_SLO, "_not-the-request", StatusCode.SUCCESS), "SAMLResponse", null, true));

        LogoutResponse response = (LogoutResponse) SloTestServiceProvider.fromRedirect(
                HttpBrowser.location(toInitiator)).message();
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.PARTIAL_LOGOUT);
        assertThat(auditOf("saml.slo.response_mismatch", other.entityId)).hasSize(1);
    }

    @Test
    void logoutResponseWhenUnsignedBySpWithSigningCertificateThenNotCountedAsConfirmation() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider initiator = registeredSp("tiga", SamlBinding.REDIRECT);
        SloTestServiceProvider other = registeredSp("empat", SamlBinding.REDIRECT);
        SignOn initiatorSignOn = signOn(citizen.browser(), initiator);
        signOn(citizen.browser(), other);
        LogoutRequest request = initiator.logoutRequest(IDP_SLO, initiatorSignOn.nameId(), initiatorSignOn.format(),
                initiatorSignOn.sessionIndex());
        HttpResponse<String> toOther = citizen.browser().get(IDP_SLO + "?"
                + initiator.redirectQuery(request, "SAMLRequest", null, true));
        String asked = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toOther)).message().getDOM().getAttribute("ID");

        HttpResponse<String> toInitiator = citizen.browser().get(IDP_SLO + "?" + other.redirectQuery(
                other.logoutResponse(IDP_SLO, asked, StatusCode.SUCCESS), "SAMLResponse", null, false));

        LogoutResponse response = (LogoutResponse) SloTestServiceProvider.fromRedirect(
                HttpBrowser.location(toInitiator)).message();
        assertThat(response.getStatus().getStatusCode().getStatusCode().getValue()).isEqualTo(StatusCode.PARTIAL_LOGOUT);
        assertThat(auditOf("saml.slo.unsigned_response", other.entityId)).hasSize(1);
    }

    @Test
    void logoutResponseWhenNoLogoutInProgressThenErrorPage() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider sp = registeredSp("lima", SamlBinding.REDIRECT);

        HttpResponse<String> answer = citizen.browser().get(IDP_SLO + "?" + sp.redirectQuery(
                sp.logoutResponse(IDP_SLO, "_x", StatusCode.SUCCESS), "SAMLResponse", null, true));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(auditOf("saml.slo.unexpected_response", sp.entityId)).hasSize(1);
    }

    @Test
    void signOutOnSatuPintuWhenSamlParticipantsThenEachAskedThenSignedOutPage() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider sp = registeredSp("enam", SamlBinding.REDIRECT);
        SignOn signOn = signOn(citizen.browser(), sp);
        String csrf = HttpBrowser.csrf(citizen.browser().get("/").body());

        HttpResponse<String> signedOut = citizen.browser().post("/logout", Map.of("_csrf", csrf));
        assertThat(HttpBrowser.location(signedOut)).endsWith(SloEndpoints.CONTINUE);
        HttpResponse<String> toSp = citizen.browser().follow(signedOut);

        Received asked = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toSp));
        SloTestServiceProvider.verify(asked, idpCertificate());
        LogoutRequest logoutRequest = (LogoutRequest) asked.message();
        assertThat(logoutRequest.getNameID().getValue()).isEqualTo(signOn.nameId());
        assertThat(logoutRequest.getSessionIndexes().get(0).getSessionIndex()).isEqualTo(signOn.sessionIndex());
        assertThat(signedIn(citizen.browser())).isFalse();
        HttpResponse<String> done = citizen.browser().get(IDP_SLO + "?" + sp.redirectQuery(
                sp.logoutResponse(IDP_SLO, logoutRequest.getID(), StatusCode.SUCCESS), "SAMLResponse", null, true));
        assertThat(HttpBrowser.location(done)).endsWith("/logged-out");
        assertThat(citizen.browser().follow(done).body()).contains("id=\"logged-out\"");
    }

    @Test
    void signOutOnSatuPintuWhenSpAnswersWithErrorThenSignedOutPageSaysSomeDidNotConfirm() throws Exception {
        SignedIn citizen = signedInCitizen();
        SloTestServiceProvider sp = registeredSp("tujuh", SamlBinding.REDIRECT);
        signOn(citizen.browser(), sp);
        HttpResponse<String> signedOut = citizen.browser().post("/logout",
                Map.of("_csrf", HttpBrowser.csrf(citizen.browser().get("/").body())));
        Received asked = SloTestServiceProvider.fromRedirect(HttpBrowser.location(citizen.browser().follow(signedOut)));

        HttpResponse<String> done = citizen.browser().get(IDP_SLO + "?" + sp.redirectQuery(sp.logoutResponse(IDP_SLO,
                ((LogoutRequest) asked.message()).getID(), StatusCode.RESPONDER), "SAMLResponse", null, true));

        assertThat(HttpBrowser.location(done)).endsWith("/logged-out?partial");
        assertThat(citizen.browser().follow(done).body()).contains("id=\"logout-partial\"");
    }
}
