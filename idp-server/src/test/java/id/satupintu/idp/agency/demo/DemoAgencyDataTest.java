package id.satupintu.idp.agency.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.AgencyStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import id.satupintu.idp.agency.CitizenClaimsFallback;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** The quickstart's demo agencies and demo client, on the quickstart's H2 database. */
@ImportAutoConfiguration(CitizenClaimsFallback.class)
@SpringBootTest(properties = {
        "satupintu.demo-data=true",
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
}
