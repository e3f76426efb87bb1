package id.satupintu.idp.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import id.satupintu.idp.agency.secret.Sha256ClientSecretEncoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Contract of {@link ClientStore} and {@link AgencyStore}, run against every database the server
 * supports (subclasses choose PostgreSQL or H2).
 */
abstract class ClientStoreContract {

    @Autowired
    ClientStore clients;

    @Autowired
    AgencyStore agencies;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void findByClientIdWhenSavedThenEveryMetadataFieldRoundTrips() {
        String agency = TestAgencies.stored(agencies);
        RegisteredClient saved = TestClients.confidentialWebApp(agency).build();

        clients.save(saved);
        RegisteredClient loaded = clients.findByClientId(saved.getClientId()).orElseThrow();

        assertThat(loaded.getId()).isEqualTo(saved.getId());
        assertThat(loaded.getClientName()).isEqualTo("Test web app");
        assertThat(loaded.getClientIdIssuedAt()).isEqualTo(saved.getClientIdIssuedAt());
        assertThat(loaded.getClientSecret()).isEqualTo(saved.getClientSecret());
        assertThat(loaded.getClientSecretExpiresAt()).isEqualTo(saved.getClientSecretExpiresAt());
        assertThat(loaded.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(loaded.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(
                AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
        assertThat(loaded.getRedirectUris()).containsExactly(
                "https://app.example.go.id/callback", "https://app.example.go.id/callback2");
        assertThat(loaded.getPostLogoutRedirectUris()).containsExactly("https://app.example.go.id/");
        assertThat(loaded.getScopes()).containsExactly("openid", "profile", "email");
        assertThat(AgencyOfClient.of(loaded)).isEqualTo(agency);
        assertThat(loaded.getClientSettings().isRequireAuthorizationConsent()).isTrue();
        assertThat(loaded.getTokenSettings().getIdTokenSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.PS256);
    }

    @Test
    void findByIdWhenPrivateKeyJwtClientSavedThenKeysAndAlgorithmsRoundTrip() {
        RegisteredClient saved = TestClients.privateKeyJwtApp(TestAgencies.stored(agencies)).build();

        clients.save(saved);
        RegisteredClient loaded = clients.findById(saved.getId()).orElseThrow();

        ClientSettings settings = loaded.getClientSettings();
        assertThat(loaded.getClientSecret()).isNull();
        assertThat(loaded.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(settings.getJwkSetUrl()).isEqualTo("https://pkj.example.go.id/jwks.json");
        assertThat(InlineClientJwks.of(loaded)).isEqualTo("{\"keys\":[]}");
        assertThat(settings.getTokenEndpointAuthenticationSigningAlgorithm()).isEqualTo(SignatureAlgorithm.ES256);
        assertThat(settings.isRequireAuthorizationConsent()).isFalse();
        assertThat(loaded.getTokenSettings().getIdTokenSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.ES256);
    }

    @Test
    void rowWhenPublicClientSavedThenFlaggedPublicWithoutSecret() {
        RegisteredClient saved = TestClients.publicNativeApp(TestAgencies.stored(agencies)).build();

        clients.save(saved);

        Boolean isPublic = jdbc.queryForObject("select public_client from oauth_client where id = ?",
                Boolean.class, saved.getId());
        assertThat(isPublic).isTrue();
        assertThat(clients.findById(saved.getId()).orElseThrow().getClientSecret()).isNull();
    }

    @Test
    void findWhenClientStoredWithWeakSettingsThenSecurePolicyIsApplied() {
        String agency = TestAgencies.stored(agencies);
        RegisteredClient weak = TestClients.confidentialWebApp(agency)
                .clientSettings(ClientSettings.builder().requireProofKey(false)
                        .setting(AgencyOfClient.SETTING, agency).build())
                .tokenSettings(TokenSettings.builder().reuseRefreshTokens(true)
                        .accessTokenFormat(OAuth2TokenFormat.REFERENCE).build())
                .build();

        clients.save(weak);
        RegisteredClient loaded = clients.findById(weak.getId()).orElseThrow();

        assertThat(loaded.getClientSettings().isRequireProofKey()).isTrue();
        TokenSettings tokens = loaded.getTokenSettings();
        assertThat(tokens.isReuseRefreshTokens()).isFalse();
        assertThat(tokens.getAccessTokenFormat()).isEqualTo(OAuth2TokenFormat.SELF_CONTAINED);
        assertThat(tokens.getAuthorizationCodeTimeToLive()).isEqualTo(TokenLifetimes.DEFAULTS.authorizationCode());
        assertThat(tokens.getAccessTokenTimeToLive()).isEqualTo(TokenLifetimes.DEFAULTS.accessToken());
        assertThat(tokens.getRefreshTokenTimeToLive()).isEqualTo(TokenLifetimes.DEFAULTS.refreshToken());
    }

    @Test
    void saveWhenClientExistsThenUpdatesInPlace() {
        RegisteredClient original = TestClients.confidentialWebApp(TestAgencies.stored(agencies)).build();
        clients.save(original);

        clients.save(RegisteredClient.from(original).clientName("Renamed").scopes(s -> s.add("phone")).build());

        RegisteredClient loaded = clients.findById(original.getId()).orElseThrow();
        assertThat(loaded.getClientName()).isEqualTo("Renamed");
        assertThat(loaded.getScopes()).contains("phone");
        assertThat(jdbc.queryForObject("select count(*) from oauth_client where client_id = ?", Integer.class,
                original.getClientId())).isEqualTo(1);
    }

    @Test
    void rowWhenSecretSavedThenHoldsOnlyItsSha256() {
        RegisteredClient saved = TestClients.confidentialWebApp(TestAgencies.stored(agencies)).build();

        clients.save(saved);

        String stored = jdbc.queryForObject("select secret_hash from oauth_client where id = ?", String.class,
                saved.getId());
        assertThat(stored).isNotEqualTo(TestClients.CLEAR_SECRET)
                .doesNotContain(TestClients.CLEAR_SECRET)
                .isEqualTo(new Sha256ClientSecretEncoder().encode(TestClients.CLEAR_SECRET));
        assertThat(jdbc.queryForObject("select secret_issued_at from oauth_client where id = ?",
                java.sql.Timestamp.class, saved.getId())).isNotNull();
    }

    @Test
    void saveWhenSecretIsNotEncodedThenRejected() {
        RegisteredClient clear = TestClients.confidentialWebApp(TestAgencies.stored(agencies))
                .clientSecret("demo-portal-secret").build();

        assertThatThrownBy(() -> clients.save(clear)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("demo-portal-secret");
        assertThat(clients.findById(clear.getId())).isEmpty();
    }

    @Test
    void saveWhenAgencyUnknownThenThrowsUnknownAgency() {
        RegisteredClient orphan = TestClients.confidentialWebApp("no-such-agency").build();

        assertThatThrownBy(() -> clients.save(orphan)).isInstanceOf(UnknownAgencyException.class);
        assertThat(clients.findById(orphan.getId())).isEmpty();
    }

    @Test
    void saveWhenClientHasNoAgencyThenRejected() {
        RegisteredClient orphan = TestClients.confidentialWebApp("ignored")
                .clientSettings(ClientSettings.builder().build()).build();

        assertThatThrownBy(() -> clients.save(orphan)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveWhenClientIdTakenByAnotherClientThenRejected() {
        String agency = TestAgencies.stored(agencies);
        RegisteredClient first = TestClients.confidentialWebApp(agency).build();
        clients.save(first);
        RegisteredClient impostor = TestClients.confidentialWebApp(agency).clientId(first.getClientId()).build();

        assertThatThrownBy(() -> clients.save(impostor)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(clients.findByClientId(first.getClientId()).orElseThrow().getId()).isEqualTo(first.getId());
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertThat(clients.findByClientId("never-registered")).isEmpty();
        assertThat(clients.findById("never-registered")).isEmpty();
    }

    @Test
    void createAgencyWhenCodeExistsThenThrowsDuplicate() {
        String code = TestAgencies.stored(agencies);

        assertThatThrownBy(() -> agencies.create(code, "Second")).isInstanceOf(DuplicateAgencyException.class);
        assertThat(agencies.findByCode(code).orElseThrow().name()).isEqualTo("Agency " + code);
    }

    @Test
    void findAllAgenciesWhenSeveralStoredThenOrderedByCode() {
        String a = "a-" + TestAgencies.uniqueCode();
        String b = "b-" + TestAgencies.uniqueCode();
        agencies.create(b, "B");
        agencies.create(a, "A");

        assertThat(agencies.findAll()).extracting(Agency::code).containsSubsequence(a, b);
        assertThat(agencies.findByCode(a).orElseThrow().createdAt()).isNotNull();
        assertThat(Set.copyOf(agencies.findAll())).contains(agencies.findByCode(b).orElseThrow());
    }
}
