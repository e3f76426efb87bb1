package id.satupintu.idp.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import id.satupintu.idp.agency.AgencyClientRepository;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.agency.registration.AgencyRegisteredClientConverter;
import id.satupintu.idp.agency.registration.ClientMetadataValidator;
import id.satupintu.idp.agency.registration.RegistrationResponseConverter;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;

/**
 * OIDC Back-Channel Logout 1.0 §2.1 and §2.2 on the server: the registration members are checked,
 * stored in the V9 columns of PostgreSQL, returned in the registration response, and discovery
 * advertises back-channel logout.
 */
class BackChannelLogoutRegistrationTest extends CitizenWebTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ClientMetadataValidator validator;
    @Autowired
    AgencyRegisteredClientConverter converter;
    /** The agency store's repository itself: the shared test context's primary one is in memory. */
    @Autowired
    AgencyClientRepository clients;
    @Autowired
    AgencyStore agencies;
    @Autowired
    JdbcTemplate jdbc;

    private String agency;

    @Autowired
    AuthorizationServerSettings settings;

    @BeforeEach
    void storeAgency() {
        agency = TestAgencies.stored(agencies);
        // the response converter names the client configuration endpoint under the issuer
        AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return settings.getIssuer();
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        });
    }

    @AfterEach
    void clearContext() {
        AuthorizationServerContextHolder.resetContext();
    }

    private OidcClientRegistration.Builder registration() {
        return OidcClientRegistration.builder()
                .clientName("Layanan Uji Keluar")
                .redirectUri("https://layanan.example.go.id/callback")
                .grantType("authorization_code")
                .responseType("code")
                .tokenEndpointAuthenticationMethod("client_secret_basic")
                .scope("openid")
                .claim("agency_code", agency);
    }

    private static String rejectedField(OidcClientRegistration registration, ClientMetadataValidator validator) {
        try {
            validator.check(registration);
        } catch (OAuth2AuthenticationException e) {
            assertThat(e.getError().getErrorCode()).isEqualTo("invalid_client_metadata");
            return e.getError().getDescription();
        }
        throw new AssertionError("accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://layanan.example.go.id/backchannel-logout", "http://localhost:8080/logout",
            "http://127.0.0.1/logout"})
    void registerWhenBackchannelLogoutUriHttpsOrLoopbackThenAccepted(String uri) {
        assertThatCode(() -> validator.check(registration()
                .claim(LogoutChannel.BACK.uriMember(), uri)
                .claim(LogoutChannel.BACK.sessionRequiredMember(), true).build())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://layanan.example.go.id/logout", "https://layanan.example.go.id/logout#x",
            "/relative/logout", "javascript:alert(1)", "https://"})
    void registerWhenBackchannelLogoutUriNotAbsoluteHttpsThenInvalidClientMetadata(String uri) {
        assertThat(rejectedField(registration().claim(LogoutChannel.BACK.uriMember(), uri).build(), validator))
                .startsWith("backchannel_logout_uri");
    }

    @Test
    void registerWhenBackchannelLogoutUriNotAStringThenInvalidClientMetadata() {
        assertThat(rejectedField(registration().claim(LogoutChannel.BACK.uriMember(), 42).build(), validator))
                .isEqualTo("backchannel_logout_uri: must be a string");
    }

    @Test
    void registerWhenSessionRequiredNotBooleanThenInvalidClientMetadata() {
        assertThat(rejectedField(registration().claim(LogoutChannel.BACK.uriMember(), "https://rp.example/logout")
                .claim(LogoutChannel.BACK.sessionRequiredMember(), "yes").build(), validator))
                .isEqualTo("backchannel_logout_session_required: must be true or false");
    }

    @Test
    void registerWhenSessionRequiredWithoutUriThenInvalidClientMetadata() {
        assertThat(rejectedField(registration().claim(LogoutChannel.BACK.sessionRequiredMember(), true).build(),
                validator)).isEqualTo("backchannel_logout_session_required: only with backchannel_logout_uri");
    }

    @Test
    void registerWhenBackchannelLogoutRegisteredThenStoredInV9ColumnsAndReturnedInResponse() {
        OidcClientRegistration registration = registration()
                .claim(LogoutChannel.BACK.uriMember(), "https://layanan.example.go.id/backchannel-logout")
                .claim(LogoutChannel.BACK.sessionRequiredMember(), true).build();
        validator.check(registration);
        RegisteredClient converted = converter.convert(registration);
        clients.save(RegisteredClient.from(converted).clientSecret(null).build());

        Map<String, Object> row = jdbc.queryForMap("select backchannel_logout_uri, backchannel_logout_session_required"
                + " from oauth_client where client_id = ?", converted.getClientId());
        assertThat(row).containsEntry("backchannel_logout_uri", "https://layanan.example.go.id/backchannel-logout")
                .containsEntry("backchannel_logout_session_required", true);
        RegisteredClient loaded = clients.findByClientId(converted.getClientId());
        assertThat(LogoutChannel.BACK.uriOf(loaded)).isEqualTo("https://layanan.example.go.id/backchannel-logout");
        assertThat(LogoutChannel.BACK.sessionRequired(loaded)).isTrue();
        assertThat(RegistrationResponseConverter.withoutSecret().convert(loaded).getClaims())
                .containsEntry("backchannel_logout_uri", "https://layanan.example.go.id/backchannel-logout")
                .containsEntry("backchannel_logout_session_required", true);
    }

    @Test
    void registerWhenNoBackchannelLogoutThenNullColumnAndNoMembersInResponse() {
        OidcClientRegistration registration = registration().build();
        RegisteredClient converted = converter.convert(registration);
        clients.save(RegisteredClient.from(converted).clientSecret(null).build());

        assertThat(jdbc.queryForObject("select backchannel_logout_uri from oauth_client where client_id = ?",
                String.class, converted.getClientId())).isNull();
        RegisteredClient loaded = clients.findByClientId(converted.getClientId());
        assertThat(LogoutChannel.BACK.uriOf(loaded)).isNull();
        assertThat(RegistrationResponseConverter.withoutSecret().convert(loaded).getClaims())
                .doesNotContainKeys("backchannel_logout_uri", "backchannel_logout_session_required");
    }

    @Test
    void discoveryWhenFetchedThenBackChannelLogoutAndSessionSupported() throws Exception {
        HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/.well-known/openid-configuration")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        Map<String, Object> metadata = JSONObjectUtils.parse(discovery.body());
        assertThat(metadata).containsEntry("backchannel_logout_supported", true)
                .containsEntry("backchannel_logout_session_supported", true)
                .containsKey("end_session_endpoint");
    }
}
