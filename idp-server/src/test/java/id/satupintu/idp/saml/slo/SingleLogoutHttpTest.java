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
    }
}
