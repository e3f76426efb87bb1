package id.satupintu.idp.agency.registration;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.InlineClientJwks;
import id.satupintu.idp.agency.TokenLifetimes;
import id.satupintu.idp.agency.secret.ClientSecretGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** How validated registration metadata becomes a client (RFC 7591 §2 defaults, SatuPintu policy). */
class AgencyRegisteredClientConverterTest {

    private final AgencyRegisteredClientConverter converter =
            new AgencyRegisteredClientConverter(new ClientSecretGenerator());

    @Test
    void convertWhenSecretClientThenServerGeneratedIdAndSecretAndAgency() {
        RegisteredClient client = converter.convert(TestClientRegistrations.webApp("dinas-uji").build());

        assertThat(client.getClientId()).matches("[A-Za-z0-9_-]{24}");
        assertThat(client.getClientSecret()).matches("[A-Za-z0-9_-]{43}");
        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(AgencyOfClient.of(client)).isEqualTo("dinas-uji");
        assertThat(client.getClientName()).isEqualTo("Layanan Uji");
        assertThat(client.getScopes()).containsExactly("openid", "profile");
        assertThat(client.getPostLogoutRedirectUris()).containsExactly("https://layanan.example.go.id/");
    }

    @Test
    void convertWhenAnyClientThenConsentPkceAndRotationRequired() {
        RegisteredClient client = converter.convert(TestClientRegistrations.webApp("dinas-uji").build());

        assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isTrue();
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getTokenSettings().isReuseRefreshTokens()).isFalse();
        assertThat(client.getTokenSettings().getAuthorizationCodeTimeToLive())
                .isEqualTo(TokenLifetimes.DEFAULTS.authorizationCode());
    }

    @Test
    void convertWhenTwoRegistrationsThenDistinctIdsAndSecrets() {
        RegisteredClient first = converter.convert(TestClientRegistrations.webApp("dinas-uji").build());
        RegisteredClient second = converter.convert(TestClientRegistrations.webApp("dinas-uji").build());

        assertThat(first.getClientId()).isNotEqualTo(second.getClientId());
        assertThat(first.getClientSecret()).isNotEqualTo(second.getClientSecret());
        assertThat(first.getId()).isNotEqualTo(second.getId());
    }

    @Test
    void convertWhenNoMethodGrantsScopeOrAlgThenRfc7591Defaults() {
        RegisteredClient client = converter.convert(org.springframework.security.oauth2.server.authorization.oidc
                .OidcClientRegistration.builder()
                .redirectUri("https://layanan.example.go.id/cb")
                .claim(AgencyCodeRule.AGENCY_CODE, "dinas-uji").build());

        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
        assertThat(client.getScopes()).containsExactly("openid");
        assertThat(client.getTokenSettings().getIdTokenSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.RS256);
        assertThat(client.getClientName()).isEqualTo(client.getClientId());
    }

    @Test
    void convertWhenPublicClientThenNoSecret() {
        RegisteredClient client = converter.convert(TestClientRegistrations.nativeApp("dinas-uji").build());

        assertThat(client.getClientSecret()).isNull();
        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
    }

    @Test
    void convertWhenPrivateKeyJwtThenNoSecretAndKeysAndAlgorithmKept() {
        RegisteredClient client = converter.convert(TestClientRegistrations.privateKeyJwtApp("dinas-uji")
                .idTokenSignedResponseAlgorithm("PS256").build());

        assertThat(client.getClientSecret()).isNull();
        assertThat(client.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(client.getClientSettings().getJwkSetUrl()).isEqualTo("https://layanan.example.go.id/jwks.json");
        assertThat(client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm())
                .isEqualTo(SignatureAlgorithm.ES256);
        assertThat(client.getTokenSettings().getIdTokenSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.PS256);
    }

    @Test
    void convertWhenPrivateKeyJwtWithoutAlgThenRs256() {
        RegisteredClient client = converter.convert(TestClientRegistrations.privateKeyJwtApp("dinas-uji")
                .claims(claims -> claims.remove("token_endpoint_auth_signing_alg")).build());

        assertThat(client.getClientSettings().getTokenEndpointAuthenticationSigningAlgorithm())
                .isEqualTo(SignatureAlgorithm.RS256);
    }

    @Test
    void convertWhenPrivateKeyJwtWithInlineJwksThenPublicKeysStoredAndNoJwksUri() {
        var keyPair = TestClientKeys.ecKeyPair();
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>(
                TestClientRegistrations.privateKeyJwtApp("dinas-uji").build().getClaims());
        claims.remove("jwks_uri");
        claims.put("jwks", TestClientKeys.publicJwks(keyPair));
        RegisteredClient client = converter.convert(InlineJwksRegistration.markInlineJwks(
                org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration.withClaims(claims)
                        .build()));

        assertThat(client.getClientSettings().getJwkSetUrl()).isNull();
        assertThat(InlineClientJwks.of(client)).contains(keyPair.getKeyID()).doesNotContain("\"d\"");
    }
}
