package id.satupintu.idp.citizen.login;

import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.web.SecurityFilterChain;

import id.satupintu.idp.agency.AgencyOfClient;

/**
 * Stands in for the application's default security filter chain until the authorization-server
 * configuration lands: the same call of {@link CitizenLoginConfigurer} the real chain makes, plus one
 * registered client for the consent page.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TemporaryCitizenWebSecurity {

    public static final String CLIENT_ID = "portal-demo";
    public static final String CLIENT_NAME = "Portal Layanan Publik";

    @Bean
    SecurityFilterChain citizenPages(HttpSecurity http, CitizenLoginConfigurer citizenLogin) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(CitizenLoginConfigurer.PUBLIC_PATHS).permitAll()
                .anyRequest().authenticated());
        citizenLogin.configure(http);
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients() {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientName(CLIENT_NAME)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://portal.example.id/callback")
                .scope("openid").scope("profile").scope("email")
                .clientSettings(ClientSettings.builder().requireProofKey(true)
                        .setting(AgencyOfClient.SETTING, "kemendagri").build())
                .build());
    }
}
