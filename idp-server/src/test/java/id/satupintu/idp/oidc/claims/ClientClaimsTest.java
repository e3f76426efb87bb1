package id.satupintu.idp.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.agency.TestClients;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** What a client receives about a stored citizen, and the audit trail of every NIK release. */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class ClientClaimsTest {

    @Autowired
    ClientClaims clientClaims;
    @Autowired
    CitizenStore citizens;
    @Autowired
    AgencyStore agencies;
    @Autowired
    AuditLog audit;

    private Citizen storedCitizen() {
        Citizen citizen = TestCitizens.fresh(null);
        citizens.save(citizen);
        return citizen;
    }

    private RegisteredClient client(String... scopes) {
        return TestClients.confidentialWebApp(TestAgencies.stored(agencies))
                .scopes(s -> s.addAll(List.of(scopes))).build();
    }

    private List<AuditEvent> nikReleasesOf(Citizen citizen) {
        return audit.recent(ClientClaims.NIK_RELEASED, 50).stream()
                .filter(event -> citizen.id().equals(event.citizenId())).toList();
    }

    @Test
    void userInfoWhenClientGrantedNikAndTokenHasItThenNikReleasedAndAuditedMasked() {
        Citizen citizen = storedCitizen();
        RegisteredClient client = client("nik");

        Map<String, Object> claims = clientClaims.forUserInfo(citizen.id(), client, Set.of("openid", "nik"),
                ClaimsRequest.NONE).orElseThrow();

        assertThat(claims).containsEntry("nik", citizen.nik().value());
        List<AuditEvent> releases = nikReleasesOf(citizen);
        assertThat(releases).hasSize(1);
        AuditEvent release = releases.get(0);
        assertThat(release.clientId()).isEqualTo(client.getClientId());
        assertThat(release.detail()).containsEntry("nik", citizen.nik().masked())
                .containsEntry("destination", "userinfo").containsKey("agency");
        assertThat(release.toString()).doesNotContain(citizen.nik().value());
    }

    @Test
    void userInfoWhenClientNoLongerHoldsNikThenNotReleasedNorAudited() {
        Citizen citizen = storedCitizen();

        Map<String, Object> claims = clientClaims.forUserInfo(citizen.id(), client(), Set.of("openid", "profile", "nik"),
                ClaimsRequest.parse("{\"userinfo\":{\"nik\":{\"essential\":true}}}")).orElseThrow();

        assertThat(claims).containsKey("name").doesNotContainKeys("nik", "family_card_number");
        assertThat(nikReleasesOf(citizen)).isEmpty();
    }

    @Test
    void idTokenWhenNikRequestedInVerifiedClaimsThenReleasedAndAudited() {
        Citizen citizen = storedCitizen();

        Map<String, Object> claims = clientClaims.forIdToken(citizen.id(), client("nik"), Set.of("openid", "profile", "nik"),
                ClaimsRequest.parse("{\"id_token\":{\"verified_claims\":{\"claims\":{\"nik\":null,\"birthdate\":null}}}}"));

        assertThat(claims).containsKey("verified_claims");
        assertThat(nikReleasesOf(citizen)).singleElement()
                .satisfies(event -> assertThat(event.detail()).containsEntry("destination", "id_token"));
    }

    @Test
    void idTokenWhenNoIdTokenMemberThenNothingAdded() {
        assertThat(clientClaims.forIdToken(storedCitizen().id(), client("nik"), Set.of("openid", "nik"),
                ClaimsRequest.NONE)).isEmpty();
    }
}
