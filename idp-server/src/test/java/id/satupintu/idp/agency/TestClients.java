package id.satupintu.idp.agency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import id.satupintu.idp.agency.secret.Sha256ClientSecretEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Fixtures: registered clients with unique ids, in the shapes the stores must handle. */
public final class TestClients {

    public static final String CLEAR_SECRET = "vH0b0u4m7WcI2iXy9Qe3sZ1rT5nA8kLpDgFjMxYzEw0";

    private TestClients() {
    }

    /** A confidential web application with every metadata field set, secret already encoded. */
    public static RegisteredClient.Builder confidentialWebApp(String agencyCode) {
        String id = UUID.randomUUID().toString();
        return RegisteredClient.withId(id)
                .clientId("app-" + id.substring(0, 8))
                .clientName("Test web app")
                .clientIdIssuedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .clientSecret(new Sha256ClientSecretEncoder().encode(CLEAR_SECRET))
                .clientSecretExpiresAt(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("https://app.example.go.id/callback")
                .redirectUri("https://app.example.go.id/callback2")
                .postLogoutRedirectUri("https://app.example.go.id/")
                .scope("openid").scope("profile").scope("email")
                .clientSettings(ClientTokenPolicy.clientSettings(agencyCode, true).build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(SignatureAlgorithm.PS256));
    }

    /** A private_key_jwt client with a JWKS URL, an inline JWK Set and ES256 ID tokens. */
    public static RegisteredClient.Builder privateKeyJwtApp(String agencyCode) {
        String id = UUID.randomUUID().toString();
        return RegisteredClient.withId(id)
                .clientId("pkj-" + id.substring(0, 8))
                .clientName("Test private_key_jwt app")
                .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("https://pkj.example.go.id/cb")
                .scope("openid")
                .clientSettings(ClientTokenPolicy.clientSettings(agencyCode, false)
                        .jwkSetUrl("https://pkj.example.go.id/jwks.json")
                        .setting(InlineClientJwks.SETTING, "{\"keys\":[]}")
                        .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.ES256)
                        .build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(SignatureAlgorithm.ES256));
    }

    /** A public (native) client: no secret, authentication method none. */
    public static RegisteredClient.Builder publicNativeApp(String agencyCode) {
        String id = UUID.randomUUID().toString();
        return RegisteredClient.withId(id)
                .clientId("pub-" + id.substring(0, 8))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:7000/cb")
                .scope("openid")
                .clientSettings(ClientTokenPolicy.clientSettings(agencyCode, true).build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(SignatureAlgorithm.RS256));
    }
}
