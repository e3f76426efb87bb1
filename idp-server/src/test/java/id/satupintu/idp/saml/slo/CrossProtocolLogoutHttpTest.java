package id.satupintu.idp.saml.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.StatusCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.oidc.logout.BackChannelReceiver;
import id.satupintu.idp.oidc.logout.OidcTestClient;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.slo.SloTestServiceProvider.Received;
import id.satupintu.idp.session.logout.HttpBrowser;

/**
 * One SSO session shared by OIDC clients and SAML SPs, ended from each side: SatuPintu's own sign-out,
 * OIDC RP-initiated logout ({@code /connect/logout}) and a SAML SP's LogoutRequest each tell every
 * other participant, OIDC clients by back-channel logout tokens to a real local HTTP endpoint and, when a
 * SAML SP started it, by their front-channel logout frames before the SP's LogoutResponse.
 */
class CrossProtocolLogoutHttpTest extends SloHttpTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final String LOGGED_OUT = "/logged-out";
    private static final String RENDERED = "oidc.frontchannel_logout.rendered";
    private static final Pattern IFRAME_SRC = Pattern.compile("<iframe[^>]*\\ssrc=\"([^\"]+)\"");
    private static final Pattern CONTINUE = Pattern.compile("<a id=\"logout-continue\"[^>]*\\shref=\"([^\"]+)\"");

    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private PasswordEncoder secrets;

    private final BackChannelReceiver receiver = new BackChannelReceiver();
    private final BackChannelReceiver otherReceiver = new BackChannelReceiver();

    @AfterEach
    void stopReceivers() {
        receiver.close();
        otherReceiver.close();
    }

    private OidcTestClient client(BackChannelReceiver endpoint) {
        return new OidcTestClient(clients, secrets, agency(), endpoint == null ? null : endpoint.uri());
    }

    @Test
    void signOutWhenOidcClientInSessionThenLogoutTokenVerifiedByJwksCarriesTheIdTokensSid() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client(receiver);
        Map<String, Object> idToken = OidcTestClient.claims(rp.idToken(citizen.browser()));
        assertThat(idToken.get("sid")).as("sid in the ID token").isInstanceOf(String.class);

        HttpResponse<String> signedOut = citizen.browser().post("/logout",
                Map.of("_csrf", HttpBrowser.csrf(citizen.browser().get("/").body())));

        assertThat(HttpBrowser.location(signedOut)).endsWith("/logged-out");
        List<BackChannelReceiver.Received> received = receiver.awaitReceived(1, WAIT);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).contentType()).isEqualTo("application/x-www-form-urlencoded");
        SignedJWT logoutToken = SignedJWT.parse(received.get(0).logoutToken());
        assertThat(OidcTestClient.verifiedByJwks(citizen.browser().base(), logoutToken)).isTrue();
        assertThat(logoutToken.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
        JWTClaimsSet claims = logoutToken.getJWTClaimsSet();
        assertThat(claims.getStringClaim("sid")).isEqualTo(idToken.get("sid"));
        assertThat(claims.getSubject()).isEqualTo(idToken.get("sub"));
        assertThat(claims.getAudience()).containsExactly(rp.clientId());
        assertThat(claims.getIssuer()).isEqualTo(idToken.get("iss").toString());
        assertThat(claims.getJSONObjectClaim("events")).containsOnlyKeys(EVENT);
        assertThat(claims.getClaims()).doesNotContainKey("nonce");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(signedIn(citizen.browser())).isFalse();
        awaitAudit("oidc.backchannel_logout.sent", rp.clientId());
    }

    @Test
    void idTokensWhenTwoClientsInOneSessionThenSameSidAndEachRecordedAsParticipant() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient first = client(receiver);
        OidcTestClient second = client(otherReceiver);

        Object firstSid = OidcTestClient.claims(first.idToken(citizen.browser())).get("sid");
        Object secondSid = OidcTestClient.claims(second.idToken(citizen.browser())).get("sid");
        SignedIn elsewhere = signedInCitizen();
        Object otherSessionSid = OidcTestClient.claims(first.idToken(elsewhere.browser())).get("sid");

        assertThat(firstSid).isNotNull().isEqualTo(secondSid).isNotEqualTo(otherSessionSid);
        citizen.browser().post("/logout", Map.of("_csrf", HttpBrowser.csrf(citizen.browser().get("/").body())));
        assertThat(receiver.awaitReceived(1, WAIT)).hasSize(1);
        assertThat(otherReceiver.awaitReceived(1, WAIT)).hasSize(1);
        assertThat(signedIn(elsewhere.browser())).as("another browser's session stays").isTrue();
    }

    @Test
    void samlLogoutWhenOidcClientInSessionThenBackChannelLogoutSentAndInitiatorGetsSuccess() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client(receiver);
        Object sid = OidcTestClient.claims(rp.idToken(citizen.browser())).get("sid");
        SloTestServiceProvider sp = registeredSp("lintas", SamlBinding.REDIRECT);
        SignOn signOn = signOn(citizen.browser(), sp);
        LogoutRequest request = sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());

        HttpResponse<String> answer = citizen.browser().get(IDP_SLO + "?"
                + sp.redirectQuery(request, "SAMLRequest", null, true));

        LogoutResponse response = (LogoutResponse) SloTestServiceProvider.fromRedirect(HttpBrowser.location(answer)).message();
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        List<BackChannelReceiver.Received> received = receiver.awaitReceived(1, WAIT);
        assertThat(received).hasSize(1);
        assertThat(SignedJWT.parse(received.get(0).logoutToken()).getJWTClaimsSet().getStringClaim("sid")).isEqualTo(sid);
    }

    @Test
    void samlLogoutWhenOidcClientRegisteredFrontChannelUriThenFramesPageThenSignedRedirectLogoutResponse()
            throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = frontChannelClient("https://rp.example.go.id/frontchannel-logout?app=pajak");
        Object sid = OidcTestClient.claims(rp.idToken(citizen.browser())).get("sid");
        SloTestServiceProvider sp = registeredSp("fc-alih", SamlBinding.REDIRECT);
        SignOn signOn = signOn(citizen.browser(), sp);
        LogoutRequest request = sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());

        HttpResponse<String> toFrames = citizen.browser().get(IDP_SLO + "?"
                + sp.redirectQuery(request, "SAMLRequest", "relay-é 2", true));

        assertThat(toFrames.statusCode()).as(toFrames.body()).isEqualTo(302);
        assertThat(HttpBrowser.location(toFrames)).as("the frames first, not the SP").endsWith(LOGGED_OUT);
        HttpResponse<String> page = citizen.browser().follow(toFrames);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(frames(page.body())).containsExactly("https://rp.example.go.id/frontchannel-logout?app=pajak&iss="
                + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8) + "&sid=" + sid);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .endsWith("; frame-src https://rp.example.go.id");
        assertThat(page.body()).contains("/js/frontchannel-logout.js");
        assertThat(auditOf(RENDERED, rp.clientId())).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("origin", "https://rp.example.go.id"));

        String continuation = continueLink(page.body());
        assertThat(continuation).as("the signed LogoutResponse to the SP's SLO endpoint").startsWith(sp.sloUrl + "?");
        Received answer = SloTestServiceProvider.fromRedirect(continuation);
        SloTestServiceProvider.verify(answer, idpCertificate());
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(answer.destination()).isEqualTo(sp.sloUrl);
        assertThat(answer.relayState()).isEqualTo("relay-é 2");
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(signedIn(citizen.browser())).isFalse();
        assertThat(auditOf("saml.slo.completed", sp.entityId)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("partial", "false"));
    }

    @Test
    void samlLogoutWhenOidcClientRegisteredFrontChannelUriAndPostBindingThenFramesPageThenSignedPostLogoutResponseOnce()
            throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = frontChannelClient("https://rp.example.go.id/fc");
        Object sid = OidcTestClient.claims(rp.idToken(citizen.browser())).get("sid");
        SloTestServiceProvider sp = registeredSp("fc-kirim", true, SamlBinding.POST);
        SignOn signOn = signOn(citizen.browser(), sp);
        LogoutRequest request = sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());
        sp.signEnveloped(request);

        HttpResponse<String> parked = citizen.browser().crossSitePost(IDP_SLO, Map.of(
                "SAMLRequest", SloTestServiceProvider.postValue(request), "RelayState", "kembali"));
        HttpResponse<String> toFrames = citizen.browser().follow(parked);

        assertThat(toFrames.statusCode()).as(toFrames.body()).isEqualTo(302);
        assertThat(HttpBrowser.location(toFrames)).endsWith(LOGGED_OUT);
        HttpResponse<String> page = citizen.browser().follow(toFrames);
        assertThat(frames(page.body())).containsExactly(
                "https://rp.example.go.id/fc?iss=" + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8) + "&sid=" + sid);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .endsWith("; frame-src https://rp.example.go.id");
        String continuation = continueLink(page.body());
        assertThat(continuation).as("a same-site page of ours, carrying nothing").isEqualTo(SloEndpoints.RESPONSE);

        HttpResponse<String> form = citizen.browser().get(continuation);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Received answer = SloTestServiceProvider.fromPostForm(form.body());
        SloTestServiceProvider.verify(answer, idpCertificate());
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(answer.destination()).isEqualTo(sp.sloResponseUrl);
        assertThat(answer.relayState()).isEqualTo("kembali");
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(auditOf(RENDERED, rp.clientId())).hasSize(1);

        HttpResponse<String> again = citizen.browser().get(continuation);
        assertThat(again.statusCode()).as("delivered once").isEqualTo(302);
        assertThat(HttpBrowser.location(again)).endsWith(LOGGED_OUT);
        assertThat(again.body()).doesNotContain("SAMLResponse");
    }

    @Test
    void samlResponseContinuationWhenNothingWaitsThenSignedOutPageAndNoMessage() throws Exception {
        HttpResponse<String> response = new HttpBrowser(port).get(SloEndpoints.RESPONSE);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(response)).endsWith(LOGGED_OUT);
    }

    @Test
    void samlLogoutWhenOidcClientWithoutFrontChannelUriAndPostBindingThenLogoutResponseDirectly() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = frontChannelClient(null);
        rp.idToken(citizen.browser());
        SloTestServiceProvider sp = registeredSp("tanpa-fc", SamlBinding.POST);
        SignOn signOn = signOn(citizen.browser(), sp);
        LogoutRequest request = sp.logoutRequest(IDP_SLO, signOn.nameId(), signOn.format(), signOn.sessionIndex());
        sp.signEnveloped(request);

        HttpResponse<String> parked = citizen.browser().crossSitePost(IDP_SLO, Map.of(
                "SAMLRequest", SloTestServiceProvider.postValue(request)));
        HttpResponse<String> page = citizen.browser().follow(parked);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Received answer = SloTestServiceProvider.fromPostForm(page.body());
        SloTestServiceProvider.verify(answer, idpCertificate());
        assertThat(((LogoutResponse) answer.message()).getInResponseTo()).isEqualTo(request.getID());
        assertThat(auditOf(RENDERED, rp.clientId())).isEmpty();
    }

    @Test
    void rpInitiatedLogoutWhenSamlSpAndOtherClientThenAllToldThenRegisteredPostLogoutUriWithState() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient initiator = client(receiver);
        OidcTestClient other = client(otherReceiver);
        String idTokenHint = initiator.idToken(citizen.browser());
        other.idToken(citizen.browser());
        SloTestServiceProvider sp = registeredSp("oidc-lalu-saml", SamlBinding.REDIRECT);
        SignOn signOn = signOn(citizen.browser(), sp);

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?id_token_hint=" + idTokenHint
                + "&post_logout_redirect_uri=" + OidcTestClient.POST_LOGOUT_URI + "&state=st-9");

        assertThat(HttpBrowser.location(logout)).as(logout.body()).endsWith(SloEndpoints.CONTINUE);
        HttpResponse<String> toSp = citizen.browser().follow(logout);
        Received asked = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toSp));
        SloTestServiceProvider.verify(asked, idpCertificate());
        LogoutRequest logoutRequest = (LogoutRequest) asked.message();
        assertThat(logoutRequest.getNameID().getValue()).isEqualTo(signOn.nameId());
        HttpResponse<String> done = citizen.browser().get(IDP_SLO + "?" + sp.redirectQuery(
                sp.logoutResponse(IDP_SLO, logoutRequest.getID(), StatusCode.SUCCESS), "SAMLResponse", null, true));
        assertThat(HttpBrowser.location(done)).isEqualTo(OidcTestClient.POST_LOGOUT_URI + "?state=st-9");
        assertThat(otherReceiver.awaitReceived(1, WAIT)).hasSize(1);
        // Back-Channel Logout 1.0 §2.7: the initiating RP is told too (oidcc-backchannel-rp-initiated-logout)
        assertThat(receiver.awaitReceived(1, WAIT)).as("the initiating client gets its logout token").hasSize(1);
        assertThat(signedIn(citizen.browser())).isFalse();
    }

    @Test
    void rpInitiatedLogoutWhenNoPostLogoutUriThenSignedOutPage() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client(null);
        String idTokenHint = rp.idToken(citizen.browser());

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?id_token_hint=" + idTokenHint);

        assertThat(HttpBrowser.location(logout)).endsWith("/logged-out");
        assertThat(signedIn(citizen.browser())).isFalse();
        assertThat(auditOf("sso.logout", citizen.citizen().id())).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("initiator", "oidc_client"));
    }

    @Test
    void rpInitiatedLogoutWhenPostLogoutUriNotRegisteredThenRefusedAndNoRedirectThere() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client(null);
        String idTokenHint = rp.idToken(citizen.browser());

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?id_token_hint=" + idTokenHint
                + "&post_logout_redirect_uri=https://evil.example/&state=x");

        assertThat(logout.headers().firstValue("Location").orElse("")).doesNotContain("evil.example");
        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(signedIn(citizen.browser())).isTrue();
    }

    @Test
    void rpInitiatedLogoutWhenIdTokenHintOfAnotherSessionThenRefusedAndThisSessionKept() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client(receiver);
        String otherSessionsToken = rp.idToken(citizen.browser());
        HttpBrowser laptop = anotherBrowser(citizen.citizen());
        rp.idToken(laptop);

        HttpResponse<String> logout = laptop.get("/connect/logout?id_token_hint=" + otherSessionsToken);

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
        assertThat(signedIn(laptop)).isTrue();
        assertThat(signedIn(citizen.browser())).isTrue();
        assertThat(audit.recent("oidc.logout.rejected", 50)).anySatisfy(e -> {
            assertThat(e.clientId()).isEqualTo(rp.clientId());
            assertThat(e.detail()).containsEntry("parameter", "sid");
        });
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(receiver.received()).isEmpty();
    }

    private OidcTestClient frontChannelClient(String frontchannelLogoutUri) {
        return new OidcTestClient(clients, secrets, agency(), null, frontchannelLogoutUri);
    }

    private static List<String> frames(String html) {
        Matcher matcher = IFRAME_SRC.matcher(html);
        List<String> sources = new ArrayList<>();
        while (matcher.find()) {
            sources.add(matcher.group(1).replace("&amp;", "&"));
        }
        return sources;
    }

    private static String continueLink(String html) {
        Matcher matcher = CONTINUE.matcher(html);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }

    private void awaitAudit(String type, String clientId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<AuditEvent> events = audit.recent(type, 200).stream().filter(e -> clientId.equals(e.clientId())).toList();
            if (!events.isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no " + type + " for " + clientId);
    }
}
