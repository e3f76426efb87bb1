package id.satupintu.idp.agency.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/** Every registration metadata rule, accepted and rejected, with its RFC 7591 §3.2.2 error code. */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "spring.datasource.url=jdbc:h2:mem:agency-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class ClientMetadataValidatorTest {

    @Autowired
    ClientMetadataValidator validator;

    @Autowired
    AgencyStore agencies;

    private String agency;

    @BeforeEach
    void storeAgency() {
        agency = TestAgencies.stored(agencies);
    }

    @Test
    void checkWhenWebAppMetadataValidThenAccepted() {
        assertThatCode(() -> validator.check(TestClientRegistrations.webApp(agency).build())).doesNotThrowAnyException();
    }

    @Test
    void checkWhenNativeAppOnLoopbackThenAccepted() {
        assertThatCode(() -> validator.check(TestClientRegistrations.nativeApp(agency).build())).doesNotThrowAnyException();
    }

    @Test
    void checkWhenPrivateKeyJwtWithJwksUriThenAccepted() {
        assertThatCode(() -> validator.check(TestClientRegistrations.privateKeyJwtApp(agency).build()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.go.id/cb", "https://app.example.go.id:8443/cb?x=1",
            "http://localhost:8081/callback", "http://127.0.0.1:8081/callback", "http://[::1]:8081/callback"})
    void checkWhenRedirectUriHttpsOrLoopbackHttpThenAccepted(String uri) {
        assertThatCode(() -> validator.check(withRedirectUri(uri))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.go.id/cb", "https://app.example.go.id/cb#frag",
            "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x", "/relative/cb",
            "//app.example.go.id/cb", "com.example.app:/cb", "https:///nohost", "http://localhost.evil.com/cb",
            "http://127.0.0.2/cb", "not a uri"})
    void checkWhenRedirectUriUnsafeThenInvalidRedirectUri(String uri) {
        assertRejected(withRedirectUri(uri), "invalid_redirect_uri", "redirect_uris");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.go.id/", "https://app.example.go.id/#x", "javascript:alert(1)"})
    void checkWhenPostLogoutRedirectUriUnsafeThenInvalidClientMetadata(String uri) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .postLogoutRedirectUris(uris -> uris.set(0, uri)).build();

        assertRejected(registration, "invalid_client_metadata", "post_logout_redirect_uris");
    }

    @ParameterizedTest
    @ValueSource(strings = {"implicit", "password", "urn:ietf:params:oauth:grant-type:device_code",
            "urn:ietf:params:oauth:grant-type:token-exchange", "urn:ietf:params:oauth:grant-type:jwt-bearer"})
    void checkWhenGrantTypeNotAllowedThenInvalidClientMetadata(String grant) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency).grantType(grant).build();

        assertRejected(registration, "invalid_client_metadata", "grant_types");
    }

    @Test
    void checkWhenClientCredentialsAddedThenAccepted() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .grantType("client_credentials").build();

        assertThatCode(() -> validator.check(registration)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenRefreshTokenWithoutCodeGrantThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .grantTypes(grants -> grants.remove("authorization_code")).build();

        assertRejected(registration, "invalid_client_metadata", "grant_types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "code id_token", "none"})
    void checkWhenResponseTypeNotCodeThenInvalidClientMetadata(String responseType) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency).responseType(responseType).build();

        assertRejected(registration, "invalid_client_metadata", "response_types");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret_basic", "client_secret_post"})
    void checkWhenSecretAuthMethodThenAccepted(String method) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .tokenEndpointAuthenticationMethod(method).build();

        assertThatCode(() -> validator.check(registration)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_secret_jwt", "tls_client_auth", "self_signed_tls_client_auth", "bogus"})
    void checkWhenAuthMethodNotSupportedThenInvalidClientMetadata(String method) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .tokenEndpointAuthenticationMethod(method).build();

        assertRejected(registration, "invalid_client_metadata", "token_endpoint_auth_method");
    }

    @Test
    void checkWhenPublicClientAsksForRefreshTokenThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.nativeApp(agency).grantType("refresh_token").build();

        assertRejected(registration, "invalid_client_metadata", "public client");
    }

    @Test
    void checkWhenPublicClientAsksForClientCredentialsThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.nativeApp(agency)
                .grantType("client_credentials").build();

        assertRejected(registration, "invalid_client_metadata", "public client");
    }

    @Test
    void checkWhenPrivateKeyJwtWithoutKeysThenInvalidClientMetadata() {
        OidcClientRegistration registration = OidcClientRegistration.withClaims(
                without(TestClientRegistrations.privateKeyJwtApp(agency).build(), "jwks_uri")).build();

        assertRejected(registration, "invalid_client_metadata", "jwks_uri");
    }

    @Test
    void checkWhenPrivateKeyJwtWithInlinePublicJwksThenAccepted() {
        assertThatCode(() -> validator.check(inlineKeys(TestClientKeys.publicJwks(TestClientKeys.ecKeyPair()))))
                .doesNotThrowAnyException();
    }

    @Test
    void checkWhenInlineJwksMarkedForSpringThenStillAccepted() {
        OidcClientRegistration marked = InlineJwksRegistration.markInlineJwks(
                inlineKeys(TestClientKeys.publicJwks(TestClientKeys.ecKeyPair())));

        assertThat(marked.getJwkSetUrl()).isEqualTo(InlineJwksRegistration.MARKER);
        assertThatCode(() -> validator.check(marked)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenInlineJwksHoldsPrivateKeyThenInvalidClientMetadata() {
        assertRejected(inlineKeys(TestClientKeys.privateJwks(TestClientKeys.ecKeyPair())),
                "invalid_client_metadata", "jwks: must hold public keys only");
    }

    @Test
    void checkWhenInlineJwksEmptyThenInvalidClientMetadata() {
        assertRejected(inlineKeys(Map.of("keys", List.of())), "invalid_client_metadata", "jwks: must hold at least one key");
    }

    @Test
    void checkWhenInlineJwksNotAJwkSetThenInvalidClientMetadata() {
        assertRejected(inlineKeys(Map.of("keys", "nope")), "invalid_client_metadata", "jwks: must be a JWK Set");
        Map<String, Object> claims = without(TestClientRegistrations.privateKeyJwtApp(agency).build(), "jwks_uri");
        claims.put("jwks", "not an object");
        assertRejected(OidcClientRegistration.withClaims(claims).build(), "invalid_client_metadata", "jwks: must be a JWK Set");
    }

    @Test
    void checkWhenSecretClientRegistersInlineJwksThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .claim("jwks", TestClientKeys.publicJwks(TestClientKeys.ecKeyPair())).build();

        assertRejected(registration, "invalid_client_metadata", "only registered with private_key_jwt");
    }

    @Test
    void checkWhenJwksAndJwksUriBothPresentThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.privateKeyJwtApp(agency)
                .claim("jwks", Map.of("keys", List.of())).build();

        assertRejected(registration, "invalid_client_metadata", "jwks");
    }

    @Test
    void checkWhenJwksUriNotHttpsThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.privateKeyJwtApp(agency)
                .jwkSetUrl("http://layanan.example.go.id/jwks.json").build();

        assertRejected(registration, "invalid_client_metadata", "jwks_uri");
    }

    @Test
    void checkWhenSecretClientRegistersKeysThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .jwkSetUrl("https://layanan.example.go.id/jwks.json").build();

        assertRejected(registration, "invalid_client_metadata", "jwks_uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "RS384", "EdDSA"})
    void checkWhenAuthSigningAlgNotSupportedThenInvalidClientMetadata(String alg) {
        OidcClientRegistration registration = TestClientRegistrations.privateKeyJwtApp(agency)
                .tokenEndpointAuthenticationSigningAlgorithm(alg).build();

        assertRejected(registration, "invalid_client_metadata", "token_endpoint_auth_signing_alg");
    }

    @Test
    void checkWhenAuthSigningAlgWithoutPrivateKeyJwtThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .tokenEndpointAuthenticationSigningAlgorithm("RS256").build();

        assertRejected(registration, "invalid_client_metadata", "token_endpoint_auth_signing_alg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void checkWhenIdTokenAlgSupportedThenAccepted(String alg) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .idTokenSignedResponseAlgorithm(alg).build();

        assertThatCode(() -> validator.check(registration)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "RS512", "ES384"})
    void checkWhenIdTokenAlgNotSupportedThenInvalidClientMetadata(String alg) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .idTokenSignedResponseAlgorithm(alg).build();

        assertRejected(registration, "invalid_client_metadata", "id_token_signed_response_alg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client.create", "client.read", "agency.admin", "nik"})
    void checkWhenScopeNotRegistrableThenInvalidClientMetadata(String scope) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency).scope(scope).build();

        assertRejected(registration, "invalid_client_metadata", "scope");
    }

    @Test
    void checkWhenScopeNikThenRejectedAsGrantedByAdministratorOnly() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency).scope("profile").scope("nik").build();

        assertRejected(registration, "invalid_client_metadata", "scope: nik is granted by an administrator only");
    }

    @Test
    void checkWhenAllEndUserScopesThenAccepted() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .scope("email").scope("address").scope("phone").scope("offline_access").build();

        assertThatCode(() -> validator.check(registration)).doesNotThrowAnyException();
    }

    @Test
    void checkWhenClientNameTooLongThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency).clientName("x".repeat(201)).build();

        assertRejected(registration, "invalid_client_metadata", "client_name");
    }

    @Test
    void checkWhenAgencyCodeMissingThenInvalidClientMetadata() {
        OidcClientRegistration registration = OidcClientRegistration.withClaims(
                without(TestClientRegistrations.webApp(agency).build(), AgencyCodeRule.AGENCY_CODE)).build();

        assertRejected(registration, "invalid_client_metadata", "agency_code: required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-agency", "Not_A_Code", ""})
    void checkWhenAgencyUnknownThenInvalidClientMetadata(String code) {
        OidcClientRegistration registration = TestClientRegistrations.webApp(code).build();

        assertRejected(registration, "invalid_client_metadata", "agency_code");
    }

    @Test
    void checkWhenAgencyCodeNotAStringThenInvalidClientMetadata() {
        OidcClientRegistration registration = TestClientRegistrations.webApp(agency)
                .claim(AgencyCodeRule.AGENCY_CODE, List.of(agency)).build();

        assertRejected(registration, "invalid_client_metadata", "agency_code");
    }

    private OidcClientRegistration inlineKeys(Map<String, Object> jwks) {
        Map<String, Object> claims = without(TestClientRegistrations.privateKeyJwtApp(agency).build(), "jwks_uri");
        claims.put("jwks", jwks);
        return OidcClientRegistration.withClaims(claims).build();
    }

    private OidcClientRegistration withRedirectUri(String uri) {
        return TestClientRegistrations.webApp(agency).redirectUris(uris -> uris.set(0, uri)).build();
    }

    private static Map<String, Object> without(OidcClientRegistration registration, String claim) {
        Map<String, Object> claims = new java.util.LinkedHashMap<>(registration.getClaims());
        claims.remove(claim);
        return claims;
    }

    private void assertRejected(OidcClientRegistration registration, String errorCode, String descriptionPart) {
        assertThatThrownBy(() -> validator.check(registration))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(errorCode);
                    assertThat(e.getError().getDescription()).contains(descriptionPart);
                });
    }
}
