package id.satupintu.idp.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.agency.TestClients;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The connected-applications list and consent withdrawal on the real stores; token revocation is covered over HTTP. */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class ConsentWithdrawalTest {

    @Autowired
    ConsentWithdrawal withdrawal;
    @Autowired
    OAuth2AuthorizationConsentService consents;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    AgencyStore agencies;
    @Autowired
    AuditLog audit;

    private RegisteredClient storedClient() {
        RegisteredClient client = TestClients.confidentialWebApp(TestAgencies.stored(agencies)).build();
        clients.save(client);
        return client;
    }

    @Test
    void applicationsOfWhenConsentGivenThenListedWithAgencyAndScopes() {
        UUID citizen = UUID.randomUUID();
        RegisteredClient client = storedClient();
        consents.save(TestConsents.consent(client.getId(), citizen.toString(), "profile", "openid", "email"));

        List<ConnectedApplication> applications = withdrawal.applicationsOf(citizen);

        assertThat(applications).singleElement().satisfies(app -> {
            assertThat(app.clientId()).isEqualTo(client.getClientId());
            assertThat(app.clientName()).isEqualTo("Test web app");
            assertThat(app.agencyName()).startsWith("Agency ");
            assertThat(app.scopes()).containsExactly("openid", "email", "profile");
            assertThat(app.grantedAt()).isNotNull();
        });
    }

    @Test
    void withdrawWhenConsentGivenThenRemovedAndAudited() {
        UUID citizen = UUID.randomUUID();
        RegisteredClient client = storedClient();
        consents.save(TestConsents.consent(client.getId(), citizen.toString(), "openid", "profile"));

        boolean withdrawn = withdrawal.withdraw(citizen, client.getClientId(), "10.0.0.9");

        assertThat(withdrawn).isTrue();
        assertThat(consents.findById(client.getId(), citizen.toString())).isNull();
        assertThat(withdrawal.applicationsOf(citizen)).isEmpty();
        AuditEvent event = audit.recent(ConsentWithdrawal.WITHDRAWN, 1).get(0);
        assertThat(event.citizenId()).isEqualTo(citizen);
        assertThat(event.clientId()).isEqualTo(client.getClientId());
        assertThat(event.outcome()).isEqualTo("success");
        assertThat(event.detail()).containsEntry("grants_revoked", "0").containsKey("scopes");
    }

    @Test
    void withdrawWhenAnotherCitizensConsentThenUntouched() {
        UUID owner = UUID.randomUUID();
        RegisteredClient client = storedClient();
        consents.save(TestConsents.consent(client.getId(), owner.toString(), "openid", "profile"));

        boolean withdrawn = withdrawal.withdraw(UUID.randomUUID(), client.getClientId(), "10.0.0.9");

        assertThat(withdrawn).isFalse();
        assertThat(consents.findById(client.getId(), owner.toString())).isNotNull();
        assertThat(audit.recent(ConsentWithdrawal.WITHDRAWN, 1).get(0).outcome()).isEqualTo("failure");
    }

    @Test
    void withdrawWhenUnknownClientThenFalse() {
        assertThat(withdrawal.withdraw(UUID.randomUUID(), "no-such-client", null)).isFalse();
    }
}
