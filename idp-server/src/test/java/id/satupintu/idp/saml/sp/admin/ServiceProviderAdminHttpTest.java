package id.satupintu.idp.saml.sp.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.sp.MetadataServer;
import id.satupintu.idp.saml.sp.MetadataUrlRefreshTest;
import id.satupintu.idp.saml.sp.Pem;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.saml.sp.TestSpMetadata;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SAML service-provider admin API over HTTP on real PostgreSQL and Redis, with a bearer token the
 * bootstrap admin client obtains by {@code client_credentials}: each operation, each error status and
 * body, the {@code nik} grant path, and the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "satupintu.demo-data=false",
        "satupintu.data-dir=target/saml-sp-admin-http-test-data",
        "satupintu.admin.client-id=" + ServiceProviderAdminHttpTest.ADMIN_ID,
        "satupintu.admin.client-secret=" + ServiceProviderAdminHttpTest.ADMIN_SECRET})
class ServiceProviderAdminHttpTest {

    static final String ADMIN_ID = "saml-sp-admin";
    static final String ADMIN_SECRET = "c2FtbC1zcC1hZG1pbi1odHRwLXRlc3Qtc2VjcmV0LXZhbHVl";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    AgencyStore agencies;

    @Autowired
    AuditLog audit;

    @Autowired
    ServiceProviderStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    @Test
    void registerWhenMetadataXmlThenCreatedWithSpJsonAndAudited() throws Exception {
        String agency = TestAgencies.stored(agencies);
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.extensions = TestSpMetadata.displayNames("id", "Layanan Uji");

        HttpResponse<String> response = send("POST", collection(agency), Map.of("metadata_xml", metadata.xml(),
                "scopes", List.of("profile", "email"), "signed_parts", "ASSERTION", "encrypt_assertions", false,
                "idp_initiated_allowed", true));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode sp = JSON.readTree(response.body());
        String id = sp.path("id").asString();
        assertThat(response.headers().firstValue("Location")).contains(collection(agency) + "/" + id);
        assertThat(sp.path("entity_id").asString()).isEqualTo(metadata.entityId);
        assertThat(sp.path("agency").asString()).isEqualTo(agency);
        assertThat(sp.path("display_name").asString()).isEqualTo("Layanan Uji");
        assertThat(sp.path("assertion_consumer_services").get(0).path("location").asString())
                .isEqualTo("https://sp.example/acs");
        assertThat(sp.path("single_logout_services").get(0).path("binding").asString()).isEqualTo(TestSpMetadata.REDIRECT);
        assertThat(sp.path("scopes").toString()).isEqualTo("[\"email\",\"profile\"]");
        assertThat(sp.path("signing_certificates").get(0).path("not_after").asString())
                .isEqualTo(TestSpMetadata.certificate().getNotAfter().toInstant().toString());
        assertThat(sp.path("encryption_certificates").get(0).path("sha256").asString()).hasSize(64);
        assertThat(sp.path("encryption_methods").get(0).asString()).isEqualTo(TestSpMetadata.GCM);
        assertThat(sp.path("signed_parts").asString()).isEqualTo("ASSERTION");
        assertThat(sp.path("encrypt_assertions").asBoolean()).isFalse();
        assertThat(sp.path("require_signed_requests").asBoolean()).isFalse();
        assertThat(sp.path("idp_initiated_allowed").asBoolean()).isTrue();
        assertThat(sp.path("metadata_url").isNull()).isTrue();
        assertThat(sp.has("last_refreshed_at")).isTrue();
        assertThat(sp.has("last_refresh_error")).isTrue();
        assertThat(store.findByEntityId(metadata.entityId)).isPresent();
        AuditEvent registered = audit.recent(ServiceProviderAdminController.AUDIT_REGISTERED, 1).get(0);
        assertThat(registered.clientId()).isEqualTo(ADMIN_ID);
        assertThat(registered.detail()).containsEntry("service_provider", id).containsEntry("agency", agency);
    }

    @Test
    void registerWhenNeitherOrBothSourcesThenInvalidRequest() throws Exception {
        String agency = TestAgencies.stored(agencies);

        assertError(send("POST", collection(agency), Map.of("scopes", List.of("profile"))), 400, "invalid_request");
        assertError(send("POST", collection(agency), Map.of("metadata_xml", TestSpMetadata.standard().xml(),
                "metadata_url", "https://sp.example/metadata")), 400, "invalid_request");
        assertError(send("POST", collection(agency), Map.of("metadata_xml", TestSpMetadata.standard().xml(),
                "metadata_refresh_interval", "PT1H")), 400, "invalid_request");
        assertError(send("POST", collection(agency), Map.of("metadata_url", "https://sp.example/metadata")),
                400, "invalid_request");
        assertThat(audit.recent(ServiceProviderAdminController.AUDIT_REJECTED, 1).get(0).detail())
                .containsEntry("error", "invalid_request");
    }

    @Test
    void registerWhenFieldsOfWrongShapeThenInvalidRequestNamingTheField() throws Exception {
        String agency = TestAgencies.stored(agencies);
        String xml = TestSpMetadata.standard().xml();

        assertThat(description(send("POST", collection(agency), Map.of("metadata_xml", xml, "signed_parts", "ALL"))))
                .contains("signed_parts");
        assertThat(description(send("POST", collection(agency), Map.of("metadata_xml", xml, "encrypt_assertions", "yes"))))
                .contains("encrypt_assertions");
        assertThat(description(send("POST", collection(agency), Map.of("metadata_xml", xml, "scopes", "profile"))))
                .contains("scopes");
        assertThat(description(send("POST", collection(agency), Map.of("metadata_xml", xml, "colour", "red"))))
                .contains("unknown field colour");
        assertThat(description(send("POST", collection(agency), Map.of("metadata_url", "https://sp.example/m",
                "metadata_signing_certificate", "not pem")))).contains("metadata_signing_certificate");
        assertThat(description(send("POST", collection(agency), Map.of("metadata_url", "https://sp.example/m",
                "metadata_signing_certificate", pem(), "metadata_refresh_interval", "hourly"))))
                .contains("metadata_refresh_interval");
        assertError(sendRaw("POST", collection(agency), "not json"), 400, "invalid_request");
    }

    @Test
    void registerWhenScopeNikOrUnknownThenInvalidScopeAndNothingStored() throws Exception {
        String agency = TestAgencies.stored(agencies);
        TestSpMetadata metadata = TestSpMetadata.standard();

        assertError(send("POST", collection(agency), Map.of("metadata_xml", metadata.xml(), "scopes",
                List.of("profile", "nik"))), 400, "invalid_scope");
        assertError(send("POST", collection(agency), Map.of("metadata_xml", metadata.xml(), "scopes",
                List.of("openid"))), 400, "invalid_scope");
        assertThat(store.findByEntityId(metadata.entityId)).isEmpty();
    }

    @Test
    void registerWhenMetadataRefusedThenInvalidMetadataWithReason() throws Exception {
        String agency = TestAgencies.stored(agencies);
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.rootAttributes = " validUntil=\"2020-01-01T00:00:00Z\"";

        HttpResponse<String> response = send("POST", collection(agency), Map.of("metadata_xml", metadata.xml()));

        assertError(response, 400, "invalid_metadata");
        assertThat(description(response)).contains("metadata expired");
        assertThat(audit.recent(ServiceProviderAdminController.AUDIT_REJECTED, 1).get(0).detail())
                .containsEntry("error", "invalid_metadata");
    }

    @Test
    void registerWhenMetadataUrlRefusedThenInvalidMetadata() throws Exception {
        String agency = TestAgencies.stored(agencies);

        HttpResponse<String> response = send("POST", collection(agency), Map.of(
                "metadata_url", "http://sp.example/metadata", "metadata_signing_certificate", pem()));

        assertError(response, 400, "invalid_metadata");
        assertThat(description(response)).contains("https");
    }

    @Test
    void registerWhenSignedMetadataUrlThenCreatedAndRefusedRefreshShowsErrorKeepingMetadata() throws Exception {
        SamlCredentials spKeys = TestSamlCredentials.unrelated();
        TestSpMetadata metadata = TestSpMetadata.standard();
        String signed = MetadataUrlRefreshTest.signed(metadata.xml(), spKeys);
        String agency = TestAgencies.stored(agencies);
        try (MetadataServer server = new MetadataServer()) {
            server.serve("/md", MetadataServer.Answer.ok(signed));

            HttpResponse<String> created = send("POST", collection(agency), Map.of(
                    "metadata_url", server.url("/md").toString(),
                    "metadata_signing_certificate", Pem.format(spKeys.publishedSigningCertificates().get(0)),
                    "metadata_refresh_interval", "PT6H"));

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode sp = JSON.readTree(created.body());
            assertThat(sp.path("metadata_url").asString()).isEqualTo(server.url("/md").toString());
            assertThat(sp.path("metadata_refresh_interval").asString()).isEqualTo("PT6H");
            assertThat(sp.path("last_refreshed_at").isNull()).isFalse();
            assertThat(audit.recent(ServiceProviderAdminController.AUDIT_REGISTERED, 1).get(0).detail())
                    .containsEntry("change", "url");
            String item = collection(agency) + "/" + sp.path("id").asString();
            server.serve("/md", MetadataServer.Answer.ok(signed.replace("https://sp.example/acs", "https://evil.example/acs")));

            HttpResponse<String> refresh = send("POST", item + "/refresh", null);

            assertError(refresh, 400, "invalid_metadata");
            JsonNode after = JSON.readTree(send("GET", item, null).body());
            assertThat(after.path("last_refresh_error").asString()).startsWith("metadata signature refused");
            assertThat(after.path("assertion_consumer_services").get(0).path("location").asString())
                    .isEqualTo("https://sp.example/acs");
            assertError(send("PUT", item, Map.of("metadata_xml", metadata.xml())), 400, "invalid_metadata");
            assertError(send("PUT", item, Map.of("metadata_refresh_interval", "PT1M")), 400, "invalid_request");
        }
    }

    @Test
    void registerWhenEntityIdTakenThenConflict() throws Exception {
        String xml = TestSpMetadata.standard().xml();
        assertThat(send("POST", collection(TestAgencies.stored(agencies)), Map.of("metadata_xml", xml)).statusCode())
                .isEqualTo(201);

        assertError(send("POST", collection(TestAgencies.stored(agencies)), Map.of("metadata_xml", xml)),
                409, "entity_id_registered");
    }

    @Test
    void anyWhenAgencyUnknownThenNotFound() throws Exception {
        String unknown = TestAgencies.uniqueCode();

        assertError(send("POST", collection(unknown), Map.of("metadata_xml", TestSpMetadata.standard().xml())),
                404, "unknown_agency");
        assertError(send("GET", collection(unknown), null), 404, "unknown_agency");
    }

    @Test
    void getWhenListedOrShownThenSameJsonAndOtherAgencysIdNotFound() throws Exception {
        String agency = TestAgencies.stored(agencies);
        String id = registered(agency);

        JsonNode list = JSON.readTree(send("GET", collection(agency), null).body());
        HttpResponse<String> shown = send("GET", collection(agency) + "/" + id, null);

        assertThat(list.path("saml_service_providers").size()).isEqualTo(1);
        assertThat(list.path("saml_service_providers").get(0).path("id").asString()).isEqualTo(id);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).path("id").asString()).isEqualTo(id);
        assertError(send("GET", collection(TestAgencies.stored(agencies)) + "/" + id, null), 404, "not_found");
        assertError(send("GET", collection(agency) + "/not-a-uuid", null), 404, "not_found");
    }

    @Test
    void putWhenSettingsSentThenChangedOthersKept() throws Exception {
        String agency = TestAgencies.stored(agencies);
        String id = registered(agency);

        HttpResponse<String> response = send("PUT", collection(agency) + "/" + id, Map.of(
                "scopes", List.of("phone"), "require_signed_requests", true));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode sp = JSON.readTree(response.body());
        assertThat(sp.path("scopes").toString()).isEqualTo("[\"phone\"]");
        assertThat(sp.path("require_signed_requests").asBoolean()).isTrue();
        assertThat(sp.path("signed_parts").asString()).as("kept").isEqualTo("BOTH");
        assertThat(sp.path("encrypt_assertions").asBoolean()).as("kept").isTrue();
        assertThat(audit.recent(ServiceProviderAdminController.AUDIT_UPDATED, 1).get(0).detail())
                .containsEntry("service_provider", id);
    }

    @Test
    void putWhenMetadataXmlThenReplacedAndWhenUrlOrNikThenRefused() throws Exception {
        String agency = TestAgencies.stored(agencies);
        TestSpMetadata metadata = TestSpMetadata.standard();
        String id = JSON.readTree(send("POST", collection(agency), Map.of("metadata_xml", metadata.xml())).body())
                .path("id").asString();
        metadata.endpointsOnly(TestSpMetadata.acs(TestSpMetadata.POST, "https://sp.example/acs2", 0, null));

        HttpResponse<String> replaced = send("PUT", collection(agency) + "/" + id, Map.of("metadata_xml", metadata.xml()));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(JSON.readTree(replaced.body()).path("assertion_consumer_services").get(0).path("location").asString())
                .isEqualTo("https://sp.example/acs2");
        assertError(send("PUT", collection(agency) + "/" + id, Map.of("metadata_url", "https://sp.example/m")),
                400, "invalid_request");
        assertError(send("PUT", collection(agency) + "/" + id, Map.of("scopes", List.of("nik"))), 400, "invalid_scope");
        assertError(send("PUT", collection(agency) + "/" + id, Map.of("metadata_xml", TestSpMetadata.standard().xml())),
                400, "invalid_metadata");
    }

    @Test
    void nikWhenGrantedThenInScopesAndKeptByLaterPutUntilRevoked() throws Exception {
        String agency = TestAgencies.stored(agencies);
        String id = registered(agency);
        String nik = "/admin/saml-service-providers/" + id + "/scopes/nik";

        HttpResponse<String> granted = send("PUT", nik, null);
        send("PUT", collection(agency) + "/" + id, Map.of("scopes", List.of("email")));

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(JSON.readTree(granted.body()).path("scope").asString()).isEqualTo("nik profile");
        assertThat(store.findById(java.util.UUID.fromString(id)).orElseThrow().settings().scopes())
                .containsExactlyInAnyOrder("email", "nik");
        assertThat(audit.recent(NikGrantController.AUDIT_GRANTED, 1).get(0).detail()).containsEntry("service_provider", id);

        HttpResponse<String> revoked = send("DELETE", nik, null);

        assertThat(JSON.readTree(revoked.body()).path("scope").asString()).isEqualTo("email");
        assertThat(audit.recent(NikGrantController.AUDIT_REVOKED, 1).get(0).detail()).containsEntry("service_provider", id);
        assertError(send("PUT", "/admin/saml-service-providers/" + java.util.UUID.randomUUID() + "/scopes/nik", null),
                404, "not_found");
    }

    @Test
    void deleteWhenRegisteredThenNoContentThenNotFound() throws Exception {
        String agency = TestAgencies.stored(agencies);
        String id = registered(agency);

        assertThat(send("DELETE", collection(agency) + "/" + id, null).statusCode()).isEqualTo(204);

        assertError(send("GET", collection(agency) + "/" + id, null), 404, "not_found");
        assertError(send("DELETE", collection(agency) + "/" + id, null), 404, "not_found");
        assertThat(audit.recent(ServiceProviderAdminController.AUDIT_REMOVED, 1).get(0).detail())
                .containsEntry("service_provider", id);
    }

    @Test
    void refreshWhenUploadedThenInvalidMetadata() throws Exception {
        String agency = TestAgencies.stored(agencies);
        String id = registered(agency);

        HttpResponse<String> response = send("POST", collection(agency) + "/" + id + "/refresh", null);

        assertError(response, 400, "invalid_metadata");
        assertThat(description(response)).contains("registered by upload");
    }

    @Test
    void anyWhenNoTokenThenUnauthorizedAndWhenNoAgencyAdminScopeThenForbidden() throws Exception {
        String agency = TestAgencies.stored(agencies);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(collection(agency))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String registrar = accessToken("client.create");
        HttpResponse<String> narrow = http.send(HttpRequest.newBuilder(uri(collection(agency)))
                .header("Authorization", "Bearer " + registrar).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> narrowNik = http.send(HttpRequest.newBuilder(
                        uri("/admin/saml-service-providers/" + java.util.UUID.randomUUID() + "/scopes/nik"))
                .header("Authorization", "Bearer " + registrar).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(narrow.statusCode()).isEqualTo(403);
        assertThat(narrowNik.statusCode()).isEqualTo(403);
    }

    private String registered(String agency) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", collection(agency),
                Map.of("metadata_xml", TestSpMetadata.standard().xml()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static String collection(String agency) {
        return "/admin/agencies/" + agency + "/saml-service-providers";
    }

    private static String pem() {
        return id.satupintu.idp.saml.sp.Pem.format(TestSpMetadata.certificate());
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.path("error_description").asString()).isNotBlank();
    }

    private static String description(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).path("error_description").asString();
    }

    private HttpResponse<String> send(String method, String path, Map<String, Object> body)
            throws IOException, InterruptedException {
        return sendRaw(method, path, body == null ? null : JSON.writeValueAsString(new LinkedHashMap<>(body)));
    }

    private HttpResponse<String> sendRaw(String method, String path, String body) throws IOException, InterruptedException {
        if (token == null) {
            token = accessToken("agency.admin");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String accessToken(String scope) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((ADMIN_ID + ":" + ADMIN_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
