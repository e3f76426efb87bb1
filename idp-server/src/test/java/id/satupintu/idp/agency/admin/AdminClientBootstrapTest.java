package id.satupintu.idp.agency.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.InternalAgency;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bootstrap admin client, upserted from the environment at startup, on real PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "satupintu.admin.client-id=" + AdminClientBootstrapTest.ADMIN_ID,
        "satupintu.admin.client-secret=" + AdminClientBootstrapTest.ADMIN_SECRET})
class AdminClientBootstrapTest {

    static final String ADMIN_ID = "bootstrap-admin-test";
    static final String ADMIN_SECRET = "Zb6Qm3Yp0dK8rT2wX5vN1cH4jL7gF9sA-bootstrap";

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    AgencyStore agencies;

    @Autowired
    PasswordEncoder secretEncoder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startupWhenAdminConfiguredThenConfidentialClientCredentialsClientOfInternalAgency() {
        RegisteredClient admin = clients.findByClientId(ADMIN_ID);

        assertThat(admin).isNotNull();
        assertThat(AgencyOfClient.of(admin)).isEqualTo(InternalAgency.CODE);
        assertThat(agencies.findByCode(InternalAgency.CODE)).isPresent();
        assertThat(admin.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(admin.getScopes()).containsExactlyInAnyOrder("client.create", "client.read", "agency.admin");
        assertThat(admin.getClientAuthenticationMethods()).contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(secretEncoder.matches(ADMIN_SECRET, admin.getClientSecret())).isTrue();
        assertThat(secretEncoder.matches("wrong" + ADMIN_SECRET, admin.getClientSecret())).isFalse();
    }

    @Test
    void rowWhenAdminBootstrappedThenHoldsNoClearSecret() {
        String stored = jdbc.queryForObject("select secret_hash from oauth_client where client_id = ?", String.class,
                ADMIN_ID);

        assertThat(stored).doesNotContain(ADMIN_SECRET).isEqualTo(secretEncoder.encode(ADMIN_SECRET));
    }

    @Test
    void runWhenSecretChangedThenSameClientUpdatedWithNewSecret() {
        String idBefore = clients.findByClientId(ADMIN_ID).getId();
        String rotated = "Rotated-Secret-0123456789abcdefghijklmnop";

        new AdminClientBootstrap(ADMIN_ID, rotated, agencies, clients, secretEncoder)
                .run(new DefaultApplicationArguments());

        RegisteredClient after = clients.findByClientId(ADMIN_ID);
        assertThat(after.getId()).isEqualTo(idBefore);
        assertThat(secretEncoder.matches(rotated, after.getClientSecret())).isTrue();
        assertThat(secretEncoder.matches(ADMIN_SECRET, after.getClientSecret())).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from oauth_client where client_id = ?", Integer.class,
                ADMIN_ID)).isEqualTo(1);

        new AdminClientBootstrap(ADMIN_ID, ADMIN_SECRET, agencies, clients, secretEncoder)
                .run(new DefaultApplicationArguments());
    }

    @Test
    void runWhenSecretNeedsFormEncodingOrIsShortThenWarnsWithoutLoggingIt(CapturedOutput output) {
        String awkward = "short+secret/x=";

        new AdminClientBootstrap(ADMIN_ID, awkward, agencies, clients, secretEncoder)
                .run(new DefaultApplicationArguments());
        new AdminClientBootstrap(ADMIN_ID, ADMIN_SECRET, agencies, clients, secretEncoder)
                .run(new DefaultApplicationArguments());

        assertThat(output).contains("form-urlencode").contains("shorter than").doesNotContain(awkward);
    }

    @Test
    void runWhenClientIdBlankThenNoClientCreated() {
        Integer before = jdbc.queryForObject("select count(*) from oauth_client", Integer.class);

        new AdminClientBootstrap("", "", agencies, clients, secretEncoder).run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("select count(*) from oauth_client", Integer.class)).isEqualTo(before);
    }

    @Test
    void runWhenClientIdSetWithoutSecretThenStartupFails() {
        AdminClientBootstrap misconfigured = new AdminClientBootstrap("lonely-admin", " ", agencies, clients,
                secretEncoder);

        assertThatThrownBy(() -> misconfigured.run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client-secret");
        assertThat(clients.findByClientId("lonely-admin")).isNull();
    }
}
