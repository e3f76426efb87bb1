package id.satupintu.idp.agency.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.AgencyStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The quickstart's demo agencies and demo client (README.md), on the quickstart's H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "satupintu.demo-data=true",
        "satupintu.data-dir=target/agency-demo-test-data",
        "spring.datasource.url=jdbc:h2:mem:agency-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class DemoAgencyDataTest {

    @Autowired
    AgencyStore agencies;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    PasswordEncoder secretEncoder;

    @Autowired
    DemoAgencyData demoData;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void startupWhenDemoDataEnabledThenBothDemoAgenciesExist() {
        assertThat(agencies.findByCode("demo-kependudukan").orElseThrow().name()).isEqualTo("Dinas Kependudukan (demo)");
        assertThat(agencies.findByCode("demo-pajak").orElseThrow().name()).isEqualTo("Layanan Pajak (demo)");
    }

    @Test
    void startupWhenDemoDataEnabledThenDemoPortalMatchesReadme() {
        RegisteredClient portal = clients.findByClientId("demo-portal");

        assertThat(AgencyOfClient.of(portal)).isEqualTo("demo-kependudukan");
        assertThat(secretEncoder.matches("demo-portal-secret", portal.getClientSecret())).isTrue();
        assertThat(portal.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(portal.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
                AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN,
                AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(portal.getRedirectUris()).containsExactlyInAnyOrder(
                "http://localhost:8081/callback", "http://127.0.0.1:8081/callback");
        assertThat(portal.getPostLogoutRedirectUris()).containsExactly("http://localhost:8081/");
        assertThat(portal.getScopes()).containsExactlyInAnyOrder(
                "openid", "profile", "email", "address", "phone", "offline_access");
        assertThat(portal.getClientSettings().isRequireAuthorizationConsent()).isTrue();
        assertThat(portal.getClientSettings().isRequireProofKey()).isTrue();
    }

    @Test
    void runWhenDemoDataAlreadyPresentThenNothingDuplicatedOrChanged() {
        String idBefore = clients.findByClientId("demo-portal").getId();

        demoData.run(new DefaultApplicationArguments());

        assertThat(clients.findByClientId("demo-portal").getId()).isEqualTo(idBefore);
        assertThat(jdbc.queryForObject("select count(*) from agency where code like 'demo-%'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void tokenEndpointWhenReadmeCredentialsSentBasicOrPostThenDemoPortalAuthenticates() throws Exception {
        String basic = Base64.getEncoder().encodeToString("demo-portal:demo-portal-secret".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> viaBasic = token("grant_type=client_credentials", "Basic " + basic);
        HttpResponse<String> viaPost = token(
                "grant_type=client_credentials&client_id=demo-portal&client_secret=demo-portal-secret", null);
        HttpResponse<String> wrongSecret = token(
                "grant_type=client_credentials&client_id=demo-portal&client_secret=demo-portal-secreT", null);

        assertThat(viaBasic.statusCode()).as(viaBasic.body()).isEqualTo(200);
        assertThat(viaPost.statusCode()).as(viaPost.body()).isEqualTo(200);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> token(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
