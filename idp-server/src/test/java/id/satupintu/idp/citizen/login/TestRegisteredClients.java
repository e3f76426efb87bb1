package id.satupintu.idp.citizen.login;

import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import id.satupintu.idp.agency.AgencyOfClient;

/**
 * One registered client for the consent page, standing in for the agency store's clients. Primary,
 * so that the tests see this client whether or not another repository is present.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRegisteredClients {

    public static final String CLIENT_ID = "portal-demo";
    public static final String CLIENT_NAME = "Portal Layanan Publik";

    @Bean
    @Primary
    RegisteredClientRepository registeredClients() {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientName(CLIENT_NAME)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://portal.example.id/callback")
                .scope("openid").scope("profile").scope("email")
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true)
                        .setting(AgencyOfClient.SETTING, "kemendagri").build())
                .build());
    }
}
