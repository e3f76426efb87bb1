package id.satupintu.idp.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.oidc.grant.HashingOAuth2AuthorizationService;
import id.satupintu.idp.oidc.grant.TestRegisteredClients;

/** {@link ActiveCitizenTokenGuard}'s decisions; {@code RegistryEventsEndToEndTest} runs it through the token endpoint. */
class ActiveCitizenTokenGuardTest {

    private final HashingOAuth2AuthorizationService authorizations = mock(HashingOAuth2AuthorizationService.class);
    private final CitizenStore citizens = mock(CitizenStore.class);
    private final List<AuditEvent> audit = new ArrayList<>();
    private final ActiveCitizenTokenGuard guard = new ActiveCitizenTokenGuard(authorizations, citizens, new AuditLog() {
        @Override
        public void record(AuditEvent event) {
            audit.add(event);
        }

        @Override
        public List<AuditEvent> recent(String type, int limit) {
            return audit;
        }
    });
    private final RegisteredClient client = TestRegisteredClients.relyingParty();
    private final OAuth2AccessTokenAuthenticationToken issued = new OAuth2AccessTokenAuthenticationToken(client,
            new TestingAuthenticationToken(client.getClientId(), null),
            new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "issued-access-token", Instant.now(),
                    Instant.now().plusSeconds(600), Set.of("openid")));

    private void issuedTo(String principalName) {
        OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(client).principalName(principalName)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).build();
        when(authorizations.findByToken("issued-access-token", OAuth2TokenType.ACCESS_TOKEN)).thenReturn(authorization);
    }

    private Citizen stored(CitizenStatus status) {
        Citizen citizen = TestCitizens.fresh(null).withStatus(status, Instant.now());
        when(citizens.findById(citizen.id())).thenReturn(Optional.of(citizen));
        return citizen;
    }

    @Test
    void checkWhenCitizenActiveThenTokensStand() {
        Citizen citizen = stored(CitizenStatus.ACTIVE);
        issuedTo(citizen.id().toString());

        guard.check(issued);

        verify(authorizations, never()).revokeAllForCitizen(anyString());
        assertThat(audit).isEmpty();
    }

    @Test
    void checkWhenCitizenDeceasedThenEveryGrantRevokedInvalidGrantAndAudited() {
        Citizen citizen = stored(CitizenStatus.DECEASED);
        issuedTo(citizen.id().toString());

        assertThatThrownBy(() -> guard.check(issued)).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_grant"));

        verify(authorizations).revokeAllForCitizen(citizen.id().toString());
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ActiveCitizenTokenGuard.REFUSED_EVENT);
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.citizenId()).isEqualTo(citizen.id());
            assertThat(e.clientId()).isEqualTo(client.getClientId());
            assertThat(e.detail()).containsEntry("reason", "account_inactive");
        });
    }

    @Test
    void checkWhenCitizenDisabledThenInvalidGrant() {
        Citizen citizen = stored(CitizenStatus.DISABLED);
        issuedTo(citizen.id().toString());

        assertThatThrownBy(() -> guard.check(issued)).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void checkWhenAccountGoneThenInvalidGrant() {
        UUID deleted = UUID.randomUUID();
        when(citizens.findById(deleted)).thenReturn(Optional.empty());
        issuedTo(deleted.toString());

        assertThatThrownBy(() -> guard.check(issued)).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void checkWhenTokensRevokedBetweenIssueAndCheckThenInvalidGrantAndAudited() {
        when(authorizations.findByToken(anyString(), any())).thenReturn(null);

        assertThatThrownBy(() -> guard.check(issued)).isInstanceOf(OAuth2AuthenticationException.class);

        assertThat(audit).singleElement().satisfies(e -> assertThat(e.detail()).containsEntry("reason", "revoked_meanwhile"));
    }

    @Test
    void checkWhenPrincipalIsNoCitizenThenTokensStand() {
        issuedTo(client.getClientId());

        guard.check(issued);

        verify(citizens, never()).findById(any());
        assertThat(audit).isEmpty();
    }

    @Test
    void aroundCitizenGrantsWhenProvidersListedThenOnlyCodeAndRefreshWrapped() {
        AuthenticationProvider code = mock(OAuth2AuthorizationCodeAuthenticationProvider.class);
        AuthenticationProvider refresh = mock(OAuth2RefreshTokenAuthenticationProvider.class);
        AuthenticationProvider clientCredentials = mock(OAuth2ClientCredentialsAuthenticationProvider.class);
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(code, refresh, clientCredentials));

        guard.aroundCitizenGrants().accept(providers);

        assertThat(providers.get(0)).isNotSameAs(code);
        assertThat(providers.get(1)).isNotSameAs(refresh);
        assertThat(providers.get(2)).isSameAs(clientCredentials);
    }
}
