package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Behaviour of the {@link HashingOAuth2AuthorizationService} as Spring's providers use it, run against
 * PostgreSQL + Redis and against H2 + memory by the subclasses.
 */
@SpringBootTest(classes = GrantStorageTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class HashingOAuth2AuthorizationServiceContract {

    static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);
    static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);
    static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    @Autowired
    protected HashingOAuth2AuthorizationService service;

    @Autowired
    protected EphemeralAuthorizationStore ephemeral;

    @Autowired
    protected RefreshGrantStore refreshGrants;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AuditLog auditLog;

    /** @return every raw value the ephemeral store holds for an authorization (record and index entries) */
    protected abstract List<byte[]> rawEphemeralValues(String authorizationId);

    private final RegisteredClient relyingParty = TestRegisteredClients.relyingParty();
    private final CitizenAuthenticationToken citizen = TestAuthorizations.citizen();

    @Test
    void beanWhenContextStartsThenIsTheAuthorizationService() {
        assertThat(service).isInstanceOf(OAuth2AuthorizationService.class);
    }

    @Test
    void findByTokenWhenClientCredentialsAccessTokenThenFoundWithPresentedValueAndNoDatabaseRow() {
        OAuth2Authorization authorization = TestAuthorizations.clientCredentials(TestRegisteredClients.service());
        String accessToken = valueOf(authorization, OAuth2AccessToken.class);

        service.save(authorization);

        OAuth2Authorization byType = service.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization anyType = service.findByToken(accessToken, null);
        assertThat(byType.getAccessToken().getToken().getTokenValue()).isEqualTo(accessToken);
        assertThat(byType.getAccessToken().isActive()).isTrue();
        assertThat(byType.getAccessToken().getClaims()).containsKey("sub");
        // introspection and revocation look the token up by value inside the authorization
        assertThat(anyType.getToken(accessToken)).isNotNull();
        assertThat(countRefreshGrantRows(authorization.getId())).isZero();
    }

    @Test
    void findByTokenWhenConsentStateThenFoundWithStateRestoredAndOnlyAsState() {
        OAuth2Authorization authorization = TestAuthorizations.awaitingConsent(relyingParty, citizen);
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);

        service.save(authorization);

        OAuth2Authorization found = service.findByToken(state, STATE);
        assertThat(found).isNotNull();
        assertThat((String) found.getAttribute(OAuth2ParameterNames.STATE)).isEqualTo(state);
        assertThat((Principal) found.getAttribute(Principal.class.getName())).isEqualTo(citizen);
        assertThat(service.findByToken(state, CODE)).isNull();
        assertThat(service.findByToken(state, OAuth2TokenType.ACCESS_TOKEN)).isNull();
    }

    @Test
    void findByTokenWhenCodeThenFoundWithRequestAndPrincipalForPkceCheck() {
        OAuth2Authorization authorization = TestAuthorizations.withCode(relyingParty, citizen);
        String code = valueOf(authorization, OAuth2AuthorizationCode.class);

        service.save(authorization);

        OAuth2Authorization found = service.findByToken(code, CODE);
        assertThat(found.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue()).isEqualTo(code);
        assertThat(found.getToken(OAuth2AuthorizationCode.class).isActive()).isTrue();
        OAuth2AuthorizationRequest request = found.getAttribute(OAuth2AuthorizationRequest.class.getName());
        assertThat(request.getAdditionalParameters()).containsKey("code_challenge");
        assertThat((Principal) found.getAttribute(Principal.class.getName())).isEqualTo(citizen);
        assertThat(service.findByToken(code, OAuth2TokenType.REFRESH_TOKEN)).isNull();
    }

    @Test
    void findByTokenWhenCodeExchangedThenEveryTokenFoundByItsTypeAndByNoType() {
        OAuth2Authorization grant = saveExchangedGrant();

        for (Class<? extends OAuth2Token> tokenClass : List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class,
                OidcIdToken.class, OAuth2AuthorizationCode.class)) {
            String value = valueOf(grant, tokenClass);
            OAuth2Authorization byType = service.findByToken(value, typeOf(tokenClass));
            OAuth2Authorization anyType = service.findByToken(value, null);
            assertThat(byType).as(tokenClass.getSimpleName()).isNotNull();
            assertThat(byType.getId()).isEqualTo(grant.getId());
            assertThat(byType.getToken(tokenClass).getToken().getTokenValue()).isEqualTo(value);
            assertThat(anyType.getToken(value)).as(tokenClass.getSimpleName()).isNotNull();
        }
        OAuth2Authorization byIdToken = service.findByToken(valueOf(grant, OidcIdToken.class), ID_TOKEN);
        assertThat(byIdToken.getToken(OidcIdToken.class).getToken().getClaimAsString("sid")).isNotBlank();
    }

    @Test
    void findByTokenWhenFoundThenOtherTokensHoldPlaceholdersNotValues() {
        OAuth2Authorization grant = saveExchangedGrant();
        String accessToken = valueOf(grant, OAuth2AccessToken.class);

        OAuth2Authorization found = service.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);

        String refreshInFound = found.getRefreshToken().getToken().getTokenValue();
        assertThat(refreshInFound).isNotEqualTo(valueOf(grant, OAuth2RefreshToken.class)).contains(" ");
        assertThat(found.getToken(valueOf(grant, OAuth2RefreshToken.class))).isNull();
    }

    @Test
    void findByTokenWhenTypeDoesNotMatchThenNull() {
        OAuth2Authorization grant = saveExchangedGrant();

        assertThat(service.findByToken(valueOf(grant, OAuth2AccessToken.class), OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken(valueOf(grant, OAuth2RefreshToken.class), OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findByToken(valueOf(grant, OidcIdToken.class), CODE)).isNull();
        assertThat(service.findByToken(valueOf(grant, OAuth2AccessToken.class), new OAuth2TokenType("device_code")))
                .isNull();
    }

    @Test
    void findByTokenWhenValueUnknownThenNullForEveryType() {
        String unknown = TestAuthorizations.randomValue();

        for (OAuth2TokenType type : new OAuth2TokenType[] {STATE, CODE, OAuth2TokenType.ACCESS_TOKEN,
                OAuth2TokenType.REFRESH_TOKEN, ID_TOKEN, null}) {
            assertThat(service.findByToken(unknown, type)).isNull();
        }
    }

    @Test
    void findByTokenWhenPlaceholderPresentedAsValueThenNull() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization found = service.findByToken(valueOf(grant, OAuth2AccessToken.class), null);
        String refreshPlaceholder = found.getRefreshToken().getToken().getTokenValue();

        assertThat(service.findByToken(refreshPlaceholder, OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken(refreshPlaceholder, null)).isNull();
    }

    @Test
    void findByTokenWhenEmptyThenRejected() {
        assertThatThrownBy(() -> service.findByToken("", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saveWhenStoredThenNoTokenValueOrStateAppearsInEphemeralOrDatabase() {
        OAuth2Authorization awaiting = TestAuthorizations.awaitingConsent(relyingParty, citizen);
        String state = awaiting.getAttribute(OAuth2ParameterNames.STATE);
        service.save(awaiting);
        List<byte[]> awaitingRaw = rawEphemeralValues(awaiting.getId());
        assertThat(awaitingRaw).isNotEmpty();
        assertContainsNone(awaitingRaw, List.of(state));

        OAuth2Authorization grant = saveExchangedGrant();
        List<String> secrets = new ArrayList<>();
        for (Class<? extends OAuth2Token> tokenClass : List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class,
                OidcIdToken.class, OAuth2AuthorizationCode.class)) {
            secrets.add(valueOf(grant, tokenClass));
        }
        List<byte[]> raw = new ArrayList<>(rawEphemeralValues(grant.getId()));
        assertThat(raw).isNotEmpty();
        raw.addAll(rawRefreshGrantRow(grant.getId()));
        assertThat(rawRefreshGrantRow(grant.getId())).isNotEmpty();
        assertContainsNone(raw, secrets);
        // the hashes are there instead
        assertThat(new String(rawRefreshGrantRow(grant.getId()).get(0), StandardCharsets.UTF_8))
                .contains(TokenHash.of(valueOf(grant, OAuth2RefreshToken.class)).value());
    }

    @Test
    void saveWhenAuthorizationReloadedAndRevokedThenAccessTokenInactiveAndRestStillFound() {
        OAuth2Authorization grant = saveExchangedGrant();
        String accessToken = valueOf(grant, OAuth2AccessToken.class);

        // as OAuth2TokenRevocationAuthenticationProvider does
        OAuth2Authorization found = service.findByToken(accessToken, null);
        service.save(OAuth2Authorization.from(found).invalidate(found.getToken(accessToken).getToken()).build());

        OAuth2Authorization introspected = service.findByToken(accessToken, null);
        assertThat(introspected.getToken(accessToken).isActive()).isFalse();
        OAuth2Authorization byRefresh = service.findByToken(valueOf(grant, OAuth2RefreshToken.class),
                OAuth2TokenType.REFRESH_TOKEN);
        assertThat(byRefresh.getRefreshToken().isActive()).isTrue();
        assertThat(byRefresh.getAccessToken().isActive()).isFalse();
    }

    @Test
    void findByTokenWhenRefreshRotatedThenNewTokenFoundAndOldAccessTokenGone() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization rotated = rotate(grant);

        OAuth2Authorization found = service.findByToken(valueOf(rotated, OAuth2RefreshToken.class),
                OAuth2TokenType.REFRESH_TOKEN);
        assertThat(found.getRefreshToken().isActive()).isTrue();
        assertThat(found.getId()).isEqualTo(grant.getId());
        assertThat(service.findByToken(valueOf(rotated, OAuth2AccessToken.class), null).getAccessToken().isActive())
                .isTrue();
        assertThat(service.findByToken(valueOf(grant, OAuth2AccessToken.class), OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from refresh_grant_superseded_token where grant_id = ?",
                Integer.class, grant.getId())).isEqualTo(1);
    }

    @Test
    void findByTokenWhenSupersededRefreshTokenPresentedThenNullGrantRevokedAndAuditRecorded() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization rotated = rotate(grant);
        String supersededRefreshToken = valueOf(grant, OAuth2RefreshToken.class);

        OAuth2Authorization replayed = service.findByToken(supersededRefreshToken, OAuth2TokenType.REFRESH_TOKEN);

        assertThat(replayed).isNull();
        OAuth2Authorization afterReuse = service.findByToken(valueOf(rotated, OAuth2RefreshToken.class),
                OAuth2TokenType.REFRESH_TOKEN);
        assertThat(afterReuse.getRefreshToken().isActive()).isFalse();
        assertThat(afterReuse.getAccessToken().isActive()).isFalse();
        assertThat(afterReuse.getToken(OidcIdToken.class).isInvalidated()).isTrue();
        // introspection of the current access token now says inactive
        String currentAccessToken = valueOf(rotated, OAuth2AccessToken.class);
        assertThat(service.findByToken(currentAccessToken, null).getToken(currentAccessToken).isActive()).isFalse();
        assertThat(auditLog.recent(HashingOAuth2AuthorizationService.REFRESH_REUSE_EVENT, 100))
                .anySatisfy(event -> {
                    assertThat(event.detail()).containsEntry("grant", grant.getId());
                    assertThat(event.outcome()).isEqualTo("failure");
                    assertThat(event.clientId()).isEqualTo(relyingParty.getClientId());
                    assertThat(event.citizenId()).isEqualTo(citizen.getPrincipal().citizenId());
                });
    }

    @Test
    void findByTokenWhenSupersededRefreshTokenPresentedAgainThenStillNullAndAuditedEachTime() {
        OAuth2Authorization grant = saveExchangedGrant();
        rotate(grant);
        String superseded = valueOf(grant, OAuth2RefreshToken.class);

        assertThat(service.findByToken(superseded, OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken(superseded, OAuth2TokenType.REFRESH_TOKEN)).isNull();

        assertThat(auditLog.recent(HashingOAuth2AuthorizationService.REFRESH_REUSE_EVENT, 1000))
                .filteredOn(event -> grant.getId().equals(event.detail().get("grant"))).hasSize(2);
    }

    @Test
    void findByTokenWhenSupersededRefreshTokenIntrospectedThenNullWithoutRevokingGrant() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization rotated = rotate(grant);

        assertThat(service.findByToken(valueOf(grant, OAuth2RefreshToken.class), null)).isNull();

        assertThat(service.findByToken(valueOf(rotated, OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN)
                .getRefreshToken().isActive()).isTrue();
    }

    @Test
    void findByTokenWhenUsedCodePresentedThenFoundSoSpringCanRevokeItsTokens() {
        OAuth2Authorization grant = saveExchangedGrant();
        String code = valueOf(grant, OAuth2AuthorizationCode.class);

        OAuth2Authorization found = service.findByToken(code, CODE);
        assertThat(found.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        // as OAuth2AuthorizationCodeAuthenticationProvider does on code reuse
        service.save(OAuth2Authorization.from(found).invalidate(found.getRefreshToken().getToken()).build());

        String accessToken = valueOf(grant, OAuth2AccessToken.class);
        assertThat(service.findByToken(accessToken, null).getToken(accessToken).isActive()).isFalse();
        assertThat(service.findByToken(valueOf(grant, OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN)
                .getRefreshToken().isActive()).isFalse();
    }

    @Test
    void findByTokenWhenUsedCodeOutlivesEphemeralCopyThenFoundInRefreshGrant() {
        OAuth2Authorization grant = saveExchangedGrant();
        String code = valueOf(grant, OAuth2AuthorizationCode.class);
        HashedAuthorization hashed = new AuthorizationHasher().hash(grant);
        ephemeral.remove(grant.getId(), hashed.ephemeralIndex(), grant.getPrincipalName());

        OAuth2Authorization found = service.findByToken(code, CODE);

        assertThat(found).isNotNull();
        assertThat(found.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue()).isEqualTo(code);
    }

    @Test
    void findByTokenWhenUsedCodeOfPublicClientPresentedThenFoundWhileAccessTokenLives() {
        OAuth2Authorization withCode = TestAuthorizations.withCode(relyingParty, citizen);
        service.save(withCode);
        OAuth2Authorization exchanged = TestAuthorizations.exchangedWithoutRefresh(
                service.findByToken(valueOf(withCode, OAuth2AuthorizationCode.class), CODE));
        service.save(exchanged);

        OAuth2Authorization found = service.findByToken(valueOf(withCode, OAuth2AuthorizationCode.class), CODE);

        assertThat(found.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        assertThat(found.getAccessToken()).isNotNull();
        assertThat(countRefreshGrantRows(withCode.getId())).isZero();
    }

    @Test
    void removeWhenCalledThenNoTokenFindsItAnyMore() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization found = service.findByToken(valueOf(grant, OAuth2AccessToken.class), null);

        service.remove(found);

        for (Class<? extends OAuth2Token> tokenClass : List.of(OAuth2AccessToken.class, OAuth2RefreshToken.class,
                OidcIdToken.class, OAuth2AuthorizationCode.class)) {
            assertThat(service.findByToken(valueOf(grant, tokenClass), null)).as(tokenClass.getSimpleName()).isNull();
        }
        assertThat(service.findById(grant.getId())).isNull();
        assertThat(countRefreshGrantRows(grant.getId())).isZero();
        assertThat(rawEphemeralValues(grant.getId())).isEmpty();
    }

    @Test
    void removeWhenConsentDeniedThenStateNoLongerFound() {
        OAuth2Authorization awaiting = TestAuthorizations.awaitingConsent(relyingParty, citizen);
        String state = awaiting.getAttribute(OAuth2ParameterNames.STATE);
        service.save(awaiting);

        service.remove(service.findByToken(state, STATE));

        assertThat(service.findByToken(state, STATE)).isNull();
        assertThat(service.findById(awaiting.getId())).isNull();
    }

    @Test
    void findByIdWhenInFlightOrDurableThenFound() {
        OAuth2Authorization inFlight = TestAuthorizations.withCode(relyingParty, citizen);
        service.save(inFlight);
        OAuth2Authorization grant = saveExchangedGrant();
        HashedAuthorization hashed = new AuthorizationHasher().hash(grant);
        ephemeral.remove(grant.getId(), hashed.ephemeralIndex(), grant.getPrincipalName());

        assertThat(service.findById(inFlight.getId()).getToken(OAuth2AuthorizationCode.class)).isNotNull();
        assertThat(service.findById(grant.getId()).getRefreshToken()).isNotNull();
        assertThat(service.findById("unknown-" + TestAuthorizations.randomValue())).isNull();
    }

    @Test
    void findByTokenWhenCodeExpiredThenNull() throws InterruptedException {
        OAuth2Authorization authorization = TestAuthorizations.withCode(relyingParty, citizen, Duration.ofMillis(800));
        String code = valueOf(authorization, OAuth2AuthorizationCode.class);
        service.save(authorization);
        assertThat(service.findByToken(code, CODE)).isNotNull();

        Thread.sleep(1300);

        assertThat(service.findByToken(code, CODE)).isNull();
        assertThat(service.findById(authorization.getId())).isNull();
    }

    @Test
    void saveWhenEverythingAlreadyExpiredThenNothingKeptEphemerally() {
        Instant past = Instant.now().minusSeconds(60);
        OAuth2Authorization expired = OAuth2Authorization.from(TestAuthorizations.withCode(relyingParty, citizen))
                .token(new OAuth2AuthorizationCode(TestAuthorizations.randomValue(), past.minusSeconds(60), past))
                .build();

        service.save(expired);

        assertThat(service.findById(expired.getId())).isNull();
        assertThat(service.findByToken(valueOf(expired, OAuth2AuthorizationCode.class), CODE)).isNull();
    }

    @Test
    void purgeWhenRefreshGrantExpiredThenDeletedWithSupersededHashes() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization rotated = rotate(grant);
        Clock afterExpiry = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);

        int deleted = new ExpiredRefreshGrantPurger(refreshGrants, afterExpiry, Duration.ofMinutes(15)).purge();

        assertThat(deleted).isPositive();
        assertThat(countRefreshGrantRows(grant.getId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from refresh_grant_superseded_token where grant_id = ?",
                Integer.class, grant.getId())).isZero();
        assertThat(service.findByToken(valueOf(rotated, OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN))
                .isNull();
    }

    @Test
    void purgeWhenRefreshGrantStillValidThenKept() {
        OAuth2Authorization grant = saveExchangedGrant();

        new ExpiredRefreshGrantPurger(refreshGrants, Clock.systemUTC(), Duration.ofMinutes(15)).purge();

        assertThat(countRefreshGrantRows(grant.getId())).isEqualTo(1);
    }

    @Test
    void revokeAllForCitizenWhenCitizenHasGrantsThenAllInactiveAndOthersUntouched() {
        OAuth2Authorization grant = saveExchangedGrant();
        OAuth2Authorization inFlight = TestAuthorizations.withCode(relyingParty, citizen);
        service.save(inFlight);
        CitizenAuthenticationToken otherCitizen = TestAuthorizations.citizen();
        OAuth2Authorization otherWithCode = TestAuthorizations.withCode(relyingParty, otherCitizen);
        service.save(otherWithCode);
        OAuth2Authorization otherGrant = TestAuthorizations.exchanged(otherWithCode);
        service.save(otherGrant);

        int revoked = service.revokeAllForCitizen(citizen.getName());

        assertThat(revoked).isEqualTo(2);
        assertThat(service.findByToken(valueOf(inFlight, OAuth2AuthorizationCode.class), CODE)).isNull();
        assertThat(service.findByToken(valueOf(grant, OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN)
                .getRefreshToken().isActive()).isFalse();
        String accessToken = valueOf(grant, OAuth2AccessToken.class);
        assertThat(service.findByToken(accessToken, null).getToken(accessToken).isActive()).isFalse();
        assertThat(service.findByToken(valueOf(otherGrant, OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN)
                .getRefreshToken().isActive()).isTrue();
        assertThat(auditLog.recent(HashingOAuth2AuthorizationService.CITIZEN_REVOCATION_EVENT, 100))
                .anySatisfy(event -> {
                    assertThat(event.citizenId()).isEqualTo(citizen.getPrincipal().citizenId());
                    assertThat(event.detail()).containsEntry("grants", "2");
                });
    }

    @Test
    void revokeAllForCitizenWhenRunAgainThenNothingMoreRevokedOrCounted() {
        OAuth2Authorization grant = saveExchangedGrant();
        service.revokeAllForCitizen(citizen.getName());

        int revokedAgain = service.revokeAllForCitizen(citizen.getName());

        assertThat(revokedAgain).isZero();
        assertThat(service.findByToken(valueOf(grant, OAuth2RefreshToken.class), OAuth2TokenType.REFRESH_TOKEN)
                .getRefreshToken().isActive()).isFalse();
    }

    @Test
    void revokeAllForCitizenWhenNothingStoredThenZero() {
        assertThat(service.revokeAllForCitizen(TestAuthorizations.citizen().getName())).isZero();
    }

    @Test
    void saveWhenDeviceCodePresentThenRejected() {
        OAuth2Authorization withDeviceCode = OAuth2Authorization.from(TestAuthorizations.withCode(relyingParty, citizen))
                .token(new org.springframework.security.oauth2.core.OAuth2DeviceCode(TestAuthorizations.randomValue(),
                        Instant.now(), Instant.now().plusSeconds(60)))
                .build();

        assertThatThrownBy(() -> service.save(withDeviceCode)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device");
    }

    // ---- helpers: the code flow as Spring's providers drive it ----

    /** Saves a code, finds it by value as the token endpoint does, and saves the exchanged grant. */
    protected OAuth2Authorization saveExchangedGrant() {
        OAuth2Authorization withCode = TestAuthorizations.withCode(relyingParty, citizen);
        service.save(withCode);
        OAuth2Authorization found = service.findByToken(valueOf(withCode, OAuth2AuthorizationCode.class), CODE);
        OAuth2Authorization exchanged = TestAuthorizations.exchanged(found);
        service.save(exchanged);
        return exchanged;
    }

    /** Finds the grant by its refresh token and saves a rotation, as the refresh provider does. */
    protected OAuth2Authorization rotate(OAuth2Authorization grant) {
        OAuth2Authorization found = service.findByToken(valueOf(grant, OAuth2RefreshToken.class),
                OAuth2TokenType.REFRESH_TOKEN);
        OAuth2Authorization rotated = TestAuthorizations.refreshed(found);
        service.save(rotated);
        return rotated;
    }

    protected static String valueOf(OAuth2Authorization authorization, Class<? extends OAuth2Token> tokenClass) {
        return authorization.getToken(tokenClass).getToken().getTokenValue();
    }

    private static OAuth2TokenType typeOf(Class<? extends OAuth2Token> tokenClass) {
        return Map.of(OAuth2AccessToken.class, OAuth2TokenType.ACCESS_TOKEN,
                OAuth2RefreshToken.class, OAuth2TokenType.REFRESH_TOKEN,
                OidcIdToken.class, ID_TOKEN,
                OAuth2AuthorizationCode.class, CODE).get(tokenClass);
    }

    private int countRefreshGrantRows(String id) {
        return jdbc.queryForObject("select count(*) from refresh_grant where id = ?", Integer.class, id);
    }

    /** Every column of the grant's row and of its superseded-token rows, as bytes. */
    private List<byte[]> rawRefreshGrantRow(String id) {
        List<byte[]> raw = new ArrayList<>();
        jdbc.query("select * from refresh_grant where id = ?", rs -> {
            StringBuilder text = new StringBuilder();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                if ("snapshot".equalsIgnoreCase(rs.getMetaData().getColumnName(column))) {
                    raw.add(rs.getBytes(column));
                } else {
                    text.append(rs.getString(column)).append('|');
                }
            }
            raw.add(0, text.toString().getBytes(StandardCharsets.UTF_8));
        }, id);
        jdbc.query("select token_hash from refresh_grant_superseded_token where grant_id = ?",
                rs -> {
                    raw.add(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                }, id);
        return raw;
    }

    private static void assertContainsNone(List<byte[]> rawValues, List<String> secrets) {
        for (byte[] raw : rawValues) {
            String asText = new String(raw, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(asText).as("stored bytes must not contain a token value").doesNotContain(secret);
            }
        }
    }
}
