package id.satupintu.idp.saml.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;

import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

class ParticipantMatchTest {

    private static final String SP = "https://sp.example.id/saml";
    private static final String PERSISTENT = NameID.PERSISTENT;
    private static final String IDP = "https://id.satupintu.example";
    private static final SamlParticipant PARTICIPANT = new SamlParticipant(SP, "pairwise-1", PERSISTENT, IDP, SP, "_s1");
    private static final List<SamlParticipant> SESSION = List.of(
            new SamlParticipant("https://other.example.id/saml", "pairwise-1", PERSISTENT, IDP, null, "_s0"), PARTICIPANT);

    private static NameID nameId(String value, String format, String spNameQualifier) {
        OpenSaml.initialize();
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(value);
        nameId.setFormat(format);
        nameId.setSPNameQualifier(spNameQualifier);
        return nameId;
    }

    private static LogoutRequest request(String... sessionIndexes) {
        OpenSaml.initialize();
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        for (String value : sessionIndexes) {
            SessionIndex index = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setSessionIndex(value);
            request.getSessionIndexes().add(index);
        }
        return request;
    }

    @Test
    void findWhenNameIdFormatQualifierAndSessionIndexAreTheParticipantsThenFound() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", PERSISTENT, SP), request("_s1")))
                .contains(PARTICIPANT);
    }

    @Test
    void findWhenNoSessionIndexThenEverySessionOfThePrincipalMeantAndFound() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", PERSISTENT, null), request()))
                .contains(PARTICIPANT);
    }

    @Test
    void findWhenFormatNotStatedThenValueDecides() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", null, null), request("_s1")))
                .contains(PARTICIPANT);
    }

    @Test
    void findWhenSessionIndexOfAnotherSessionThenEmpty() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", PERSISTENT, null), request("_s0"))).isEmpty();
    }

    @Test
    void findWhenOneOfSeveralSessionIndexesIsNotThisSessionsThenEmpty() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", PERSISTENT, null), request("_s1", "_s9")))
                .isEmpty();
    }

    @Test
    void findWhenNameIdValueDiffersThenEmpty() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-2", PERSISTENT, null), request("_s1"))).isEmpty();
    }

    @Test
    void findWhenFormatDiffersThenEmpty() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", NameID.TRANSIENT, null), request("_s1")))
                .isEmpty();
    }

    @Test
    void findWhenSpNameQualifierDiffersThenEmpty() {
        assertThat(ParticipantMatch.find(SESSION, SP, nameId("pairwise-1", PERSISTENT, "https://x.example/"),
                request("_s1"))).isEmpty();
    }

    @Test
    void findWhenIssuerIsNotAParticipantThenEmpty() {
        assertThat(ParticipantMatch.find(SESSION, "https://stranger.example/saml", nameId("pairwise-1", PERSISTENT, null),
                request())).isEmpty();
    }

    @Test
    void findWhenNameQualifierIsThisIdpThenFound() {
        NameID qualified = nameId("pairwise-1", PERSISTENT, SP);
        qualified.setNameQualifier(IDP);
        assertThat(ParticipantMatch.find(SESSION, SP, qualified, request("_s1"))).contains(PARTICIPANT);
    }

    @Test
    void findWhenNameQualifierIsAnotherIdpThenEmpty() {
        NameID qualified = nameId("pairwise-1", PERSISTENT, SP);
        qualified.setNameQualifier("https://other-idp.example");
        assertThat(ParticipantMatch.find(SESSION, SP, qualified, request("_s1"))).isEmpty();
    }
}
