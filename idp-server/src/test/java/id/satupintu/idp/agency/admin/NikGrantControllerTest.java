package id.satupintu.idp.agency.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.agency.TestClients;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** An administrator grants and withdraws scope nik; both audited; nobody else can. */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class NikGrantControllerTest {

    @Autowired
    NikGrantController controller;
    @Autowired
    RegisteredClientRepository clients;
    @Autowired
    AgencyStore agencies;
    @Autowired
    AuditLog audit;

    private final MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/admin/clients/x/scopes/nik");

    private RegisteredClient storedClient() {
        RegisteredClient client = TestClients.confidentialWebApp(TestAgencies.stored(agencies)).build();
        clients.save(client);
        return client;
    }

    @Test
    void grantWhenAdminThenClientHoldsNikAndAudited() {
        RegisteredClient client = storedClient();

        ResponseEntity<Map<String, Object>> response = controller.grant(client.getClientId(), admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) response.getBody().get("scope")).contains("nik").contains("openid");
        assertThat(clients.findByClientId(client.getClientId()).getScopes()).contains("nik", "openid", "profile");
        AuditEvent granted = audit.recent(NikGrantController.AUDIT_GRANTED, 1).get(0);
        assertThat(granted.clientId()).isEqualTo("ops-admin");
        assertThat(granted.detail()).containsEntry("client", client.getClientId())
                .containsEntry("agency", AgencyOfClient.of(client));
    }

    @Test
    void revokeWhenGrantedThenNikGoneAndAudited() {
        RegisteredClient client = storedClient();
        controller.grant(client.getClientId(), admin(), request);

        ResponseEntity<Map<String, Object>> response = controller.revoke(client.getClientId(), admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(clients.findByClientId(client.getClientId()).getScopes()).doesNotContain("nik").contains("openid");
        assertThat(audit.recent(NikGrantController.AUDIT_REVOKED, 1).get(0).detail())
                .containsEntry("client", client.getClientId());
    }

    @Test
    void grantWhenNotAdministratorThenForbiddenNothingChangedAndAudited() {
        RegisteredClient client = storedClient();
        TestingAuthenticationToken registrar = new TestingAuthenticationToken("registrar", null, "SCOPE_client.create");

        ResponseEntity<Map<String, Object>> response = controller.grant(client.getClientId(), registrar, request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(clients.findByClientId(client.getClientId()).getScopes()).doesNotContain("nik");
        AuditEvent denied = audit.recent(NikGrantController.AUDIT_DENIED, 1).get(0);
        assertThat(denied.clientId()).isEqualTo("registrar");
        assertThat(denied.outcome()).isEqualTo("failure");
    }

    @Test
    void grantWhenUnknownClientThenNotFound() {
        assertThat(controller.grant("no-such-client", admin(), request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Authentication admin() {
        TestingAuthenticationToken admin = new TestingAuthenticationToken("ops-admin", null,
                AgencyAdminController.REQUIRED_AUTHORITY);
        admin.setAuthenticated(true);
        return admin;
    }
}
