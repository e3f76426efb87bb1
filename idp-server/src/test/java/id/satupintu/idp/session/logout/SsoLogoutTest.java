package id.satupintu.idp.session.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;
import id.satupintu.idp.session.SsoParticipants;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/** Ending one SSO session: who is told, who is not, and what is left of the session. */
class SsoLogoutTest {

    private static final SamlParticipant PORTAL = new SamlParticipant("https://portal.example/saml", "p1",
            "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", null, null, "_s1");
    private static final SamlParticipant TAX = new SamlParticipant("https://pajak.example/saml", "p1",
            "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", null, null, "_s2");
    private static final OidcParticipant APP = new OidcParticipant("app", "sub-a", "sid-1");
    private static final OidcParticipant OTHER_APP = new OidcParticipant("other-app", "sub-b", "sid-1");

    private final UUID citizenId = UUID.randomUUID();
    private final List<List<OidcParticipant>> toldOverBackChannel = new ArrayList<>();
    private final List<AuditEvent> audited = new ArrayList<>();
    private final List<OidcParticipant> framedFor = new ArrayList<>();
    private final SsoLogout logout = new SsoLogout((citizen, participants) -> toldOverBackChannel.add(participants),
            new StaticListableBeanFactory().getBeanProvider(FrontChannelLogout.class),
            (citizen, participants) -> {
                framedFor.addAll(participants);
                return participants.stream().filter(p -> !p.clientId().equals(OTHER_APP.clientId()))
                        .map(p -> new LogoutFrame(p.clientId(), "https://" + p.clientId() + ".example/fc?sid=" + p.sid()))
                        .toList();
            }, new AuditLog() {
                @Override
                public void record(AuditEvent event) {
                    audited.add(event);
                }

                @Override
                public List<AuditEvent> recent(String type, int limit) {
                    return audited;
                }
            });
    private final MockHttpSession session = new MockHttpSession();
    private final MockHttpServletRequest request = new MockHttpServletRequest();

    private void signedInWithEveryParticipant() {
        SecurityContextHolder.getContext().setAuthentication(new CitizenAuthenticationToken(new AuthenticatedCitizen(
                citizenId, Instant.now(), LevelOfAssurance.LOA2.uri(), List.of("pwd"))));
        SsoParticipants.samlJoined(session, PORTAL);
        SsoParticipants.samlJoined(session, TAX);
        SsoParticipants.oidcJoined(session, APP);
        SsoParticipants.oidcJoined(session, OTHER_APP);
        request.setSession(session);
    }

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void endWhenSamlSpInitiatesThenOthersToldAndSessionInvalidated() {
        signedInWithEveryParticipant();

        EndedSession ended = logout.end(request, new MockHttpServletResponse(),
                LogoutInitiator.samlServiceProvider(PORTAL.entityId()));

        assertThat(ended.citizenId()).isEqualTo(citizenId);
        assertThat(ended.samlParticipants()).containsExactly(TAX);
        assertThat(toldOverBackChannel).containsExactly(List.of(APP, OTHER_APP));
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("sso.logout");
            assertThat(e.citizenId()).isEqualTo(citizenId);
            assertThat(e.detail()).containsEntry("saml_participants", "1").containsEntry("oidc_participants", "2");
        });
    }

    @Test
    void endWhenOidcClientInitiatesThenThatClientToldToo() {
        signedInWithEveryParticipant();

        EndedSession ended = logout.end(request, new MockHttpServletResponse(), LogoutInitiator.oidcClient("app"));

        assertThat(toldOverBackChannel).containsExactly(List.of(APP, OTHER_APP));
        assertThat(ended.samlParticipants()).containsExactly(PORTAL, TAX);
    }

    @Test
    void endWhenCitizenSignsOutThenEveryParticipantTold() {
        signedInWithEveryParticipant();

        EndedSession ended = logout.end(request, new MockHttpServletResponse(), LogoutInitiator.citizen());

        assertThat(toldOverBackChannel).containsExactly(List.of(APP, OTHER_APP));
        assertThat(ended.samlParticipants()).containsExactly(PORTAL, TAX);
    }

    @Test
    void endWhenNoSessionThenNothingToldNorAudited() {
        EndedSession ended = logout.end(request, new MockHttpServletResponse(), LogoutInitiator.citizen());

        assertThat(ended.citizenId()).isNull();
        assertThat(ended.samlParticipants()).isEmpty();
        assertThat(toldOverBackChannel).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void endThenRedirectWhenNoSamlParticipantsThenStraightToFinalUrl() throws Exception {
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();

        logout.endThenRedirect(request, response, LogoutInitiator.citizen(), "/logged-out");

        assertThat(response.getRedirectedUrl()).isEqualTo("/logged-out");
    }

    @Test
    void endThenRedirectWhenOidcClientInitiatesThenFramedToo() throws Exception {
        signedInWithEveryParticipant();
        MockHttpServletResponse response = new MockHttpServletResponse();

        logout.endThenRedirect(request, response, LogoutInitiator.oidcClient("app"), "https://app.example/bye?state=s");

        assertThat(framedFor).as("front-channel: the initiator included").containsExactly(APP, OTHER_APP);
        assertThat(toldOverBackChannel).as("back-channel: the initiator included").containsExactly(List.of(APP, OTHER_APP));
    }

    @Test
    void continueThenRedirectWhenFramesThenSignedOutPageWithFramesAndFinalUrlWaitingInFreshSession() throws Exception {
        signedInWithEveryParticipant();
        MockHttpServletResponse response = new MockHttpServletResponse();

        logout.endThenRedirect(request, response, LogoutInitiator.citizen(), "https://app.example/bye?state=s");

        assertThat(response.getRedirectedUrl()).isEqualTo(LoggedOutPageController.PATH);
        assertThat(request.getSession(false)).isNotSameAs(session);
        PendingLogoutFrames pending = PendingLogoutFrames.take(request);
        assertThat(pending.citizenId()).isEqualTo(citizenId);
        assertThat(pending.frames()).extracting(LogoutFrame::clientId).containsExactly("app");
        assertThat(pending.continueUrl()).isEqualTo("https://app.example/bye?state=s");
        assertThat(PendingLogoutFrames.take(request)).as("shown once").isNull();
    }

    @Test
    void framesPageThenWhenSamlInitiatedAndClientFramedThenSignedOutPageWithTheAnswerAsContinuation() {
        signedInWithEveryParticipant();
        EndedSession ended = logout.end(request, new MockHttpServletResponse(),
                LogoutInitiator.samlServiceProvider(PORTAL.entityId()));
        String answer = "https://portal.example/slo?SAMLResponse=x&SigAlg=y&Signature=z";

        String next = logout.framesPageThen(request, ended.citizenId(), ended.oidcParticipants(), answer);

        assertThat(next).isEqualTo(LoggedOutPageController.PATH);
        PendingLogoutFrames pending = PendingLogoutFrames.take(request);
        assertThat(pending.citizenId()).isEqualTo(citizenId);
        assertThat(pending.frames()).extracting(LogoutFrame::clientId).containsExactly("app");
        assertThat(pending.continueUrl()).isEqualTo(answer);
    }

    @Test
    void framesPageThenWhenNoClientFramedThenContinuationItselfAndNothingKept() {
        String answer = "https://portal.example/slo?SAMLResponse=x";

        String next = logout.framesPageThen(request, citizenId, List.of(OTHER_APP), answer);

        assertThat(next).isEqualTo(answer);
        assertThat(PendingLogoutFrames.take(request)).isNull();
        assertThat(logout.framesPageThen(request, citizenId, List.of(), answer)).isEqualTo(answer);
        assertThat(request.getSession(false)).as("no session made for nothing").isNull();
    }

    @Test
    void continueThenRedirectWhenFinalUrlIsSignedOutPageThenNoContinueUrl() throws Exception {
        signedInWithEveryParticipant();
        MockHttpServletResponse response = new MockHttpServletResponse();

        logout.endThenRedirect(request, response, LogoutInitiator.citizen(), LoggedOutPageController.PATH);

        assertThat(response.getRedirectedUrl()).isEqualTo(LoggedOutPageController.PATH);
        assertThat(PendingLogoutFrames.take(request).continueUrl()).isNull();
    }

    @Test
    void continueThenRedirectWhenSamlParticipantsThenChainFirstAndItEndsOnTheFramesPage() throws Exception {
        List<String> chainFinalUrls = new ArrayList<>();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("saml", (FrontChannelLogout) (req, res, citizen, participants, finalUrl) -> {
            chainFinalUrls.add(finalUrl);
            res.sendRedirect("/saml/slo/continue");
            return true;
        });
        SsoLogout withSaml = new SsoLogout((citizen, participants) -> { }, beans.getBeanProvider(FrontChannelLogout.class),
                (citizen, participants) -> List.of(new LogoutFrame("app", "https://app.example/fc")), new AuditLog() {
                    @Override
                    public void record(AuditEvent event) {
                        audited.add(event);
                    }

                    @Override
                    public List<AuditEvent> recent(String type, int limit) {
                        return audited;
                    }
                });
        signedInWithEveryParticipant();
        MockHttpServletResponse response = new MockHttpServletResponse();

        withSaml.endThenRedirect(request, response, LogoutInitiator.citizen(), "https://app.example/bye");

        assertThat(response.getRedirectedUrl()).isEqualTo("/saml/slo/continue");
        assertThat(chainFinalUrls).containsExactly(LoggedOutPageController.PATH);
        assertThat(PendingLogoutFrames.take(request).continueUrl()).isEqualTo("https://app.example/bye");
    }
}
