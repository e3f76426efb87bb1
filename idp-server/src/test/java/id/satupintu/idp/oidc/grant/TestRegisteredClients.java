package id.satupintu.idp.oidc.grant;

import java.time.Duration;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyOfClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** Registered clients as the agency store configures them: PKCE, refresh rotation, an owning agency. */
public final class TestRegisteredClients {

    private TestRegisteredClients() {
    }

    /** A confidential relying party using the code flow with refresh tokens. */
    public static RegisteredClient relyingParty() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("rp-" + UUID.randomUUID())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://rp.example.go.id/callback")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true)
                        .setting(AgencyOfClient.SETTING, "KEMENDAGRI").build())
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(false)
                        .authorizationCodeTimeToLive(Duration.ofMinutes(5))
                        .accessTokenTimeToLive(Duration.ofMinutes(5))
                        .refreshTokenTimeToLive(Duration.ofDays(1)).build())
                .build();
    }

    /** A back-end service using client_credentials. */
    public static RegisteredClient service() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("svc-" + UUID.randomUUID())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("registry.read")
                .clientSettings(ClientSettings.builder().setting(AgencyOfClient.SETTING, "BPJS").build())
                .build();
    }
}
