package id.satupintu.idp.oidc.logout;

import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.agency.LogoutChannel;

/** Fixtures: clients with and without a back-channel logout registration. */
final class TestLogoutClients {

    static final String AGENCY = "kemendagri";

    private TestLogoutClients() {
    }

    /** @param backchannelLogoutUri the registered endpoint, or null for none */
    static RegisteredClient client(String backchannelLogoutUri, SignatureAlgorithm idTokenAlgorithm) {
        ClientSettings.Builder settings = ClientTokenPolicy.clientSettings(AGENCY, false);
        LogoutChannel.BACK.apply(settings, backchannelLogoutUri, true);
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("logout-test-" + UUID.randomUUID())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://layanan.example.go.id/callback")
                .scope("openid")
                .clientSettings(settings.build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(idTokenAlgorithm))
                .build();
    }
}
