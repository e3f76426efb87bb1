package id.satupintu.idp.agency.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
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

/**
 * The agencies admin API's rules (scope, validation, duplicates, audit) on the real database. The
 * bearer-token check in front of it belongs to the resource-server chain and is covered over HTTP.
 */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class AgencyAdminControllerTest {

    @Autowired
    AgencyAdminController controller;

    @Autowired
    AgencyStore agencies;

    @Autowired
    AuditLog audit;

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", AgencyAdminController.PATH);

    @Test
    void createWhenAdminAndValidThenCreatedAndAudited() {
        String code = TestAgencies.uniqueCode();

        ResponseEntity<Map<String, Object>> response = controller.create(
                new AgencyAdminController.CreateAgencyRequest(code, " Dinas Uji "), admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString(AgencyAdminController.PATH + "/" + code);
        assertThat(response.getBody()).containsEntry("code", code).containsEntry("name", "Dinas Uji")
                .containsKey("created_at");
        assertThat(agencies.findByCode(code)).isPresent();
        assertThat(lastAudit(AgencyAdminController.AUDIT_CREATED).detail()).containsEntry("agency", code);
    }

    @Test
    void createWhenCodeExistsThenConflictAndAudited() {
        String code = TestAgencies.stored(agencies);

        ResponseEntity<Map<String, Object>> response = controller.create(
                new AgencyAdminController.CreateAgencyRequest(code, "Again"), admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("error", "agency_exists");
        assertThat(agencies.findByCode(code).orElseThrow().name()).isNotEqualTo("Again");
        assertThat(lastAudit(AgencyAdminController.AUDIT_REJECTED).detail()).containsEntry("error", "agency_exists");
    }

    @Test
    void createWhenCodeMalformedThenBadRequestAndNothingStored() {
        for (String code : List.of("A", "UPPER", "under_score", "x", "a".repeat(41), "sp ace", "")) {
            ResponseEntity<Map<String, Object>> response = controller.create(
                    new AgencyAdminController.CreateAgencyRequest(code, "Name"), admin(), request);

            assertThat(response.getStatusCode()).as(code).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody()).containsEntry("error", "invalid_request");
            assertThat(agencies.findByCode(code)).isEmpty();
        }
        assertThat(lastAudit(AgencyAdminController.AUDIT_REJECTED).detail()).containsEntry("error", "invalid_request");
    }

    @Test
    void createWhenCodeMissingOrNameBlankThenBadRequest() {
        String code = TestAgencies.uniqueCode();

        assertThat(controller.create(new AgencyAdminController.CreateAgencyRequest(null, "Name"), admin(), request)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controller.create(new AgencyAdminController.CreateAgencyRequest(code, " "), admin(), request)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controller.create(new AgencyAdminController.CreateAgencyRequest(code, "n".repeat(201)), admin(),
                request).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(agencies.findByCode(code)).isEmpty();
    }

    @Test
    void createWhenTokenLacksAgencyAdminScopeThenForbiddenAndAudited() {
        String code = TestAgencies.uniqueCode();
        Authentication registrar = new TestingAuthenticationToken("registrar", null, "SCOPE_client.create");

        ResponseEntity<Map<String, Object>> response = controller.create(
                new AgencyAdminController.CreateAgencyRequest(code, "Name"), registrar, request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).containsEntry("error", "insufficient_scope");
        assertThat(agencies.findByCode(code)).isEmpty();
        AuditEvent denied = lastAudit(AgencyAdminController.AUDIT_DENIED);
        assertThat(denied.clientId()).isEqualTo("registrar");
        assertThat(denied.outcome()).isEqualTo("failure");
    }

    @Test
    void listWhenNoAuthenticationThenForbidden() {
        assertThat(controller.list(null, request).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listWhenAdminThenAllAgenciesWithNames() {
        String code = TestAgencies.stored(agencies);

        ResponseEntity<Map<String, Object>> response = controller.list(admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) response.getBody().get("agencies");
        assertThat(listed).anySatisfy(a -> {
            assertThat(a).containsEntry("code", code).containsEntry("name", "Agency " + code);
        });
    }

    private static Authentication admin() {
        TestingAuthenticationToken admin = new TestingAuthenticationToken("ops-admin", null,
                AgencyAdminController.REQUIRED_AUTHORITY);
        admin.setAuthenticated(true);
        return admin;
    }

    private AuditEvent lastAudit(String type) {
        return audit.recent(type, 1).get(0);
    }
}
