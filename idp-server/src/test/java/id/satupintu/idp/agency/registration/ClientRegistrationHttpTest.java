package id.satupintu.idp.agency.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic client registration (RFC 7591, OIDC Dynamic Client Registration 1.0) and the agencies
 * admin API over HTTP, on real PostgreSQL and Redis: the bootstrap admin client obtains an initial
 * access token with {@code client_credentials}, then registers clients at {@code /connect/register}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "satupintu.demo-data=false",
        "satupintu.data-dir=target/agency-http-test-data",
        "satupintu.admin.client-id=" + ClientRegistrationHttpTest.ADMIN_ID,
        "satupintu.admin.client-secret=" + ClientRegistrationHttpTest.ADMIN_SECRET})
class ClientRegistrationHttpTest {

    static final String ADMIN_ID = "registration-admin";
    static final String ADMIN_SECRET = "c2F0dXBpbnR1LWh0dHAtdGVzdC1hZG1pbi1zZWNyZXQ";

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
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder secretEncoder;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registerWhenInitialAccessTokenAndValidMetadataThenCreatedWithClearSecretOnceAndHashStored() throws Exception {
        String agency = TestAgencies.stored(agencies);

        HttpResponse<String> response = register(initialAccessToken(), """
                {"client_name": "Layanan Uji", "agency_code": "%s",
                 "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "grant_types": ["authorization_code", "refresh_token", "client_credentials"],
                 "token_endpoint_auth_method": "client_secret_basic",
                 "id_token_signed_response_alg": "ES256",
                 "scope": "openid profile"}""".formatted(agency));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        String clientId = client.path("client_id").asString();
        String secret = client.path("client_secret").asString();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}");
        assertThat(client.path("agency_code").asString()).isEqualTo(agency);
        assertThat(client.path("id_token_signed_response_alg").asString()).isEqualTo("ES256");
        assertThat(client.path("registration_access_token").asString()).isNotEmpty();
        String stored = jdbc.queryForObject("select secret_hash from oauth_client where client_id = ?", String.class,
                clientId);
        assertThat(stored).isNotEqualTo(secret).isEqualTo(secretEncoder.encode(secret));
        assertThat(jdbc.queryForObject("select require_consent from oauth_client where client_id = ?", Boolean.class,
                clientId)).isTrue();
        assertThat(token(clientId, secret, null).statusCode()).isEqualTo(200);
        HttpResponse<String> wrongSecret = token(clientId, secret + "x", null);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongSecret.body()).path("error").asString()).isEqualTo("invalid_client");
        AuditEvent registered = audit.recent("client.registered", 1).get(0);
        assertThat(registered.clientId()).isEqualTo(clientId);
        assertThat(registered.detail()).containsEntry("agency", agency).doesNotContainValue(secret);
    }

    @Test
    void readConfigurationWhenRegistrationAccessTokenThenNoSecretNorItsHashReturned() throws Exception {
        JsonNode client = JSON.readTree(register(initialAccessToken(), webAppMetadata(TestAgencies.stored(agencies),
                "https://layanan.example.go.id/callback")).body());

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(
                        client.path("registration_client_uri").asString().replace("http://localhost:0",
                                "http://localhost:" + port)))
                .header("Authorization", "Bearer " + client.path("registration_access_token").asString())
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode configuration = JSON.readTree(read.body());
        assertThat(configuration.path("client_id").asString()).isEqualTo(client.path("client_id").asString());
        assertThat(configuration.has("client_secret")).isFalse();
        assertThat(read.body()).doesNotContain(secretEncoder.encode(client.path("client_secret").asString()));
    }

    @Test
    void registerWhenPrivateKeyJwtWithInlineJwksThenClientAuthenticatesWithItsSignedAssertion() throws Exception {
        ECKey keyPair = TestClientKeys.ecKeyPair();
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "grant_types": ["authorization_code", "client_credentials"],
                 "token_endpoint_auth_method": "private_key_jwt", "token_endpoint_auth_signing_alg": "ES256",
                 "jwks": %s}""".formatted(TestAgencies.stored(agencies),
                JSON.writeValueAsString(TestClientKeys.publicJwks(keyPair))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        assertThat(client.has("client_secret")).isFalse();
        assertThat(client.has("jwks_uri")).isFalse();
        assertThat(client.path("jwks").path("keys").get(0).path("kid").asString()).isEqualTo(keyPair.getKeyID());
        String clientId = client.path("client_id").asString();
        assertThat(tokenWithAssertion(clientId, keyPair).statusCode()).isEqualTo(200);
        assertThat(tokenWithAssertion(clientId, TestClientKeys.ecKeyPair()).statusCode()).isEqualTo(401);
    }

    @Test
    void registerWhenPublicClientThenCreatedWithoutSecret() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["http://127.0.0.1:53682/callback"],
                 "token_endpoint_auth_method": "none"}""".formatted(TestAgencies.stored(agencies)));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        assertThat(client.has("client_secret")).isFalse();
        assertThat(client.path("token_endpoint_auth_method").asString()).isEqualTo("none");
        assertThat(jdbc.queryForObject("select public_client from oauth_client where client_id = ?", Boolean.class,
                client.path("client_id").asString())).isTrue();
    }

    @Test
    void registerWhenRedirectUriNotHttpsThenInvalidRedirectUriAuditedAndNothingStored() throws Exception {
        int before = clientCount();

        HttpResponse<String> response = register(initialAccessToken(),
                webAppMetadata(TestAgencies.stored(agencies), "http://layanan.example.go.id/callback"));

        assertRejected(response, 400, "invalid_redirect_uri");
        assertThat(clientCount()).isEqualTo(before);
    }

    @Test
    void registerWhenRedirectUriIsJavascriptThenInvalidRedirectUri() throws Exception {
        assertRejected(register(initialAccessToken(),
                webAppMetadata(TestAgencies.stored(agencies), "javascript:alert(1)")), 400, "invalid_redirect_uri");
    }

    @Test
    void registerWhenFrontchannelLogoutUriThenStoredAndReturnedWithSessionRequired() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "frontchannel_logout_uri": "https://layanan.example.go.id/fc?app=1",
                 "frontchannel_logout_session_required": true}""".formatted(TestAgencies.stored(agencies)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode client = JSON.readTree(response.body());
        assertThat(client.path("frontchannel_logout_uri").asString()).isEqualTo("https://layanan.example.go.id/fc?app=1");
        assertThat(client.path("frontchannel_logout_session_required").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select frontchannel_logout_uri from oauth_client where client_id = ?",
                String.class, client.path("client_id").asString())).isEqualTo("https://layanan.example.go.id/fc?app=1");
    }

    @Test
    void registerWhenFrontchannelLogoutUriNotHttpsThenInvalidClientMetadataAndNothingStored() throws Exception {
        int before = clientCount();

        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "frontchannel_logout_uri": "http://layanan.example.go.id/fc"}""".formatted(TestAgencies.stored(agencies)));

        assertRejected(response, 400, "invalid_client_metadata");
        assertThat(JSON.readTree(response.body()).path("error_description").asString())
                .startsWith("frontchannel_logout_uri");
        assertThat(clientCount()).isEqualTo(before);
    }

    @Test
    void registerWhenFrontchannelLogoutSessionRequiredNotBooleanThenInvalidClientMetadata() throws Exception {
        assertRejected(register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "frontchannel_logout_uri": "https://layanan.example.go.id/fc",
                 "frontchannel_logout_session_required": "yes"}""".formatted(TestAgencies.stored(agencies))),
                400, "invalid_client_metadata");
    }

    @Test
    void registerWhenAgencyUnknownThenInvalidClientMetadata() throws Exception {
        assertRejected(register(initialAccessToken(), webAppMetadata("no-such-agency",
                "https://layanan.example.go.id/callback")), 400, "invalid_client_metadata");
    }

    @Test
    void registerWhenImplicitGrantRequestedThenInvalidClientMetadata() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "grant_types": ["implicit"], "response_types": ["token"]}""".formatted(TestAgencies.stored(agencies)));

        assertRejected(response, 400, "invalid_client_metadata");
    }

    @Test
    void registerWhenAdministrativeScopeRequestedThenInvalidClientMetadata() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "scope": "openid agency.admin"}""".formatted(TestAgencies.stored(agencies)));

        assertRejected(response, 400, "invalid_client_metadata");
    }

    @Test
    void registerWhenScopeNikRequestedThenInvalidClientMetadataAudited() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "scope": "openid profile nik"}""".formatted(TestAgencies.stored(agencies)));

        assertRejected(response, 400, "invalid_client_metadata");
        assertThat(JSON.readTree(response.body()).path("error_description").asString()).contains("administrator");
        assertThat(audit.recent("client.registration_rejected", 1).get(0).detail().get("reason")).contains("nik");
    }

    @Test
    void registerWhenTokenCarriesMoreThanClientCreateThenInvalidToken() throws Exception {
        String broadToken = accessToken(ADMIN_ID, ADMIN_SECRET, "client.create agency.admin");

        HttpResponse<String> response = register(broadToken,
                webAppMetadata(TestAgencies.stored(agencies), "https://layanan.example.go.id/callback"));

        assertRejected(response, 401, "invalid_token");
    }

    @Test
    void registerWhenInitialAccessTokenReusedThenInvalidToken() throws Exception {
        String token = initialAccessToken();
        String agency = TestAgencies.stored(agencies);
        assertThat(register(token, webAppMetadata(agency, "https://a.example.go.id/cb")).statusCode()).isEqualTo(201);

        assertRejected(register(token, webAppMetadata(agency, "https://b.example.go.id/cb")), 401, "invalid_token");
    }

    @Test
    void registerWhenBodyIsNotJsonThenInvalidRequestAndAudited() throws Exception {
        assertRejected(register(initialAccessToken(), "{not json"), 400, "invalid_request");
    }

    @Test
    void registerWhenRedirectUrisMissingThenRejectedAndAudited() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(),
                "{\"agency_code\": \"" + TestAgencies.stored(agencies) + "\"}");

        assertRejected(response, 400, "invalid_redirect_uri");
    }

    @Test
    void registerWhenMemberEmptyThenInvalidClientMetadata() throws Exception {
        HttpResponse<String> response = register(initialAccessToken(), """
                {"agency_code": "%s", "redirect_uris": ["https://layanan.example.go.id/callback"],
                 "grant_types": []}""".formatted(TestAgencies.stored(agencies)));

        assertRejected(response, 400, "invalid_client_metadata");
    }

    @Test
    void registerWhenNoAccessTokenThenUnauthorized() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/connect/register"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(webAppMetadata(TestAgencies.stored(agencies),
                        "https://layanan.example.go.id/callback"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void adminAgenciesWhenAgencyAdminTokenThenCreatedAndUsableForRegistration() throws Exception {
        String code = TestAgencies.uniqueCode();

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/admin/agencies"))
                .header("Authorization", "Bearer " + accessToken(ADMIN_ID, ADMIN_SECRET, "agency.admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\", \"name\": \"Dinas Baru\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("name").asString()).isEqualTo("Dinas Baru");
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(uri("/admin/agencies"))
                .header("Authorization", "Bearer " + accessToken(ADMIN_ID, ADMIN_SECRET, "agency.admin"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"" + code + "\"");
        assertThat(register(initialAccessToken(), webAppMetadata(code, "https://baru.example.go.id/cb")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void adminAgenciesWhenTokenLacksAgencyAdminScopeThenForbidden() throws Exception {
        String code = TestAgencies.uniqueCode();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/agencies"))
                .header("Authorization", "Bearer " + initialAccessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\", \"name\": \"X\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(agencies.findByCode(code)).isEmpty();
    }

    @Test
    void adminAgenciesWhenNoTokenThenUnauthorized() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/agencies")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void adminAgenciesWhenBodyNotJsonThenBadRequestNotServerError() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/agencies"))
                .header("Authorization", "Bearer " + accessToken(ADMIN_ID, ADMIN_SECRET, "agency.admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{nope")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_request");
        assertThat(audit.recent("agency.create_rejected", 1).get(0).detail()).containsEntry("error", "invalid_request");
    }

    @Test
    void adminAgenciesWhenDuplicateCodeThenConflict() throws Exception {
        String code = TestAgencies.stored(agencies);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/agencies"))
                .header("Authorization", "Bearer " + accessToken(ADMIN_ID, ADMIN_SECRET, "agency.admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + code + "\", \"name\": \"Again\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("agency_exists");
    }

    private void assertRejected(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo(error);
        AuditEvent rejected = audit.recent("client.registration_rejected", 1).get(0);
        assertThat(rejected.outcome()).isEqualTo("failure");
        assertThat(rejected.detail()).containsEntry("error", error);
    }

    private static String webAppMetadata(String agency, String redirectUri) {
        return """
                {"client_name": "Layanan Uji", "agency_code": "%s", "redirect_uris": ["%s"],
                 "grant_types": ["authorization_code"], "scope": "openid"}""".formatted(agency, redirectUri);
    }

    private String initialAccessToken() throws IOException, InterruptedException {
        return accessToken(ADMIN_ID, ADMIN_SECRET, "client.create");
    }

    private String accessToken(String clientId, String secret, String scope) throws IOException, InterruptedException {
        HttpResponse<String> response = token(clientId, secret, scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private HttpResponse<String> token(String clientId, String secret, String scope)
            throws IOException, InterruptedException {
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope.replace(" ", "+"));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** client_credentials with a private_key_jwt assertion (RFC 7523 §2.2) signed by {@code key}. */
    private HttpResponse<String> tokenWithAssertion(String clientId, ECKey key) throws Exception {
        String tokenEndpoint = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/.well-known/openid-configuration"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).path("token_endpoint").asString();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(tokenEndpoint)
                        .jwtID(java.util.UUID.randomUUID().toString()).issueTime(new java.util.Date())
                        .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build());
        assertion.sign(new ECDSASigner(key));
        String form = "grant_type=client_credentials&client_id=" + clientId
                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=" + assertion.serialize();
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> register(String token, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/connect/register"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int clientCount() {
        return jdbc.queryForObject("select count(*) from oauth_client", Integer.class);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
