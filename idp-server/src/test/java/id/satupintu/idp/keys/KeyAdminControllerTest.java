package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import id.satupintu.idp.agency.admin.AgencyAdminController;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.keys.KeyState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The key administration endpoint: what administrators may do, what everyone else is refused, and the audit of both. */
class KeyAdminControllerTest {

    private final TestKeyRings keys = new TestKeyRings();
    private final KeyAdminController controller = new KeyAdminController(keys.manager, keys.changes, keys.audit);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/keys/rotate");

    @BeforeEach
    void keysExist() {
        keys.maintenance.runOnce();
    }

    @Test
    void listWhenAdminThenEveryKeyWithStateAndNoPrivateMaterial() {
        ResponseEntity<Map<String, Object>> response = controller.list(admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) response.getBody().get("keys");
        assertThat(listed).hasSize(2).allSatisfy(key -> assertThat(key)
                .containsEntry("state", "ACTIVE").containsEntry("backend", "memory")
                .containsOnlyKeys("kid", "purpose", "alg", "size", "state", "backend", "created_at", "activated_at",
                        "retired_at", "destroyed_at"));
    }

    @Test
    void rotateWhenAdminImmediatelyThenNewKeyActiveAndAuditedWithCaller() {
        ResponseEntity<Map<String, Object>> response = controller.rotate("oidc_signing", "ES256", true, admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String kid = (String) response.getBody().get("kid");
        assertThat(response.getBody()).containsEntry("state", "ACTIVE");
        assertThat(keys.cache.current().signing().getKeyByKeyId(kid)).isNotNull();
        AuditEvent activated = keys.audit.recent("keys.activated", 1).get(0);
        assertThat(activated.clientId()).isEqualTo("ops-admin");
        assertThat(activated.detail()).containsEntry("kid", kid);
        assertThat(keys.audit.recent("keys.retired", 1)).hasSize(1);
    }

    @Test
    void retireWhenActiveKeyThenStopsSigningStaysPublishedAndAudited() {
        String kid = keys.cache.current().signing().getKeys().get(0).getKeyID();

        ResponseEntity<Map<String, Object>> response = controller.retire(kid, admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(keys.store.find(kid).orElseThrow().state()).isEqualTo(KeyState.RETIRED);
        assertThat(keys.cache.current().signing().getKeyByKeyId(kid)).isNull();
        assertThat(keys.cache.current().published().getKeyByKeyId(kid)).isNotNull();
        assertThat(keys.audit.recent("keys.retired", 1).get(0).detail()).containsEntry("kid", kid);
    }

    @Test
    void retireWhenAlreadyRetiredThenConflictAndRefusalAudited() {
        String kid = keys.cache.current().signing().getKeys().get(0).getKeyID();
        controller.retire(kid, admin(), request);

        ResponseEntity<Map<String, Object>> response = controller.retire(kid, admin(), request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("error", "invalid_state");
        assertThat(keys.audit.recent(KeyAdminController.AUDIT_DENIED, 1).get(0).detail())
                .containsEntry("error", "invalid_state").containsEntry("kid", kid);
    }

    @Test
    void rotateWhenNotAdministratorThenForbiddenNothingChangedAndAudited() {
        int before = keys.store.all().size();
        TestingAuthenticationToken registrar = new TestingAuthenticationToken("registrar", null, "SCOPE_client.create");

        ResponseEntity<Map<String, Object>> response = controller.rotate("OIDC_SIGNING", "RS256", true, registrar, request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(keys.store.all()).hasSize(before);
        AuditEvent denied = keys.audit.recent(KeyAdminController.AUDIT_DENIED, 1).get(0);
        assertThat(denied.clientId()).isEqualTo("registrar");
        assertThat(denied.outcome()).isEqualTo("failure");
    }

    @Test
    void rotateWhenAlgorithmUnknownOrWrongForPurposeThenBadRequestAudited() {
        assertThat(controller.rotate("OIDC_SIGNING", "HS256", false, admin(), request).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controller.rotate("OIDC_SIGNING", "RSA-OAEP-256", false, admin(), request).getBody())
                .containsEntry("error", "invalid_request");
        assertThat(controller.rotate("NO_SUCH_PURPOSE", "RS256", false, admin(), request).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(controller.rotate("OIDC_SIGNING", null, false, admin(), request).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(keys.audit.recent(KeyAdminController.AUDIT_DENIED, 10)).hasSize(4);
    }

    @Test
    void retireWhenUnknownKidThenNotFound() {
        assertThat(controller.retire("no-such-kid", admin(), request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Authentication admin() {
        TestingAuthenticationToken admin = new TestingAuthenticationToken("ops-admin", null,
                AgencyAdminController.REQUIRED_AUTHORITY);
        admin.setAuthenticated(true);
        return admin;
    }
}
