package id.satupintu.idp.agency.demo;

import java.util.UUID;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.ClientTokenPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Quickstart data ({@code satupintu.demo-data=true}, the default of the embedded profile): two demo
 * agencies and the demo relying application {@code demo-portal}. Its secret is a published,
 * low-entropy value for the README's walkthrough only; production sets {@code satupintu.demo-data=false}.
 * Existing rows are left untouched, so restarts and several nodes are harmless.
 */
@Component
@ConditionalOnProperty(name = "satupintu.demo-data", havingValue = "true")
public class DemoAgencyData implements ApplicationRunner {

    public static final String POPULATION_AGENCY = "demo-kependudukan";
    public static final String TAX_AGENCY = "demo-pajak";
    public static final String PORTAL_CLIENT_ID = "demo-portal";
    /** Published in README.md for the quickstart; never a production credential. */
    public static final String PORTAL_CLIENT_SECRET = "demo-portal-secret";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAgencyData.class);

    private final AgencyStore agencies;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder secretEncoder;

    public DemoAgencyData(AgencyStore agencies, RegisteredClientRepository clients, PasswordEncoder secretEncoder) {
        this.agencies = agencies;
        this.clients = clients;
        this.secretEncoder = secretEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        agencies.ensureExists(POPULATION_AGENCY, "Dinas Kependudukan (demo)");
        agencies.ensureExists(TAX_AGENCY, "Layanan Pajak (demo)");
        if (clients.findByClientId(PORTAL_CLIENT_ID) != null) {
            return;
        }
        try {
            clients.save(portal());
            LOG.info("Demo client {} created in agency {}", PORTAL_CLIENT_ID, POPULATION_AGENCY);
        } catch (DataIntegrityViolationException createdByAnotherNode) {
            LOG.info("Demo client {} was created by another node", PORTAL_CLIENT_ID);
        }
    }

    private RegisteredClient portal() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(PORTAL_CLIENT_ID)
                .clientName("Portal Layanan (demo)")
                .clientSecret(secretEncoder.encode(PORTAL_CLIENT_SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUri("http://localhost:8081/callback")
                .redirectUri("http://127.0.0.1:8081/callback")
                .postLogoutRedirectUri("http://localhost:8081/")
                .scope("openid").scope("profile").scope("email").scope("address").scope("phone")
                .scope("offline_access")
                .clientSettings(ClientTokenPolicy.clientSettings(POPULATION_AGENCY, true).build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(ClientTokenPolicy.DEFAULT_ID_TOKEN_ALGORITHM))
                .build();
    }
}
