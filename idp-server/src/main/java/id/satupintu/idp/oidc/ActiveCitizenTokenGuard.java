package id.satupintu.idp.oidc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.oidc.grant.HashingOAuth2AuthorizationService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Tokens are issued to a citizen's client only while the citizen's account is active. The
 * authorization-code and refresh-token grants are wrapped: after Spring's provider has issued and
 * stored the tokens, the account is read; if it is no longer active (deceased, disabled) every grant
 * of the citizen is revoked, {@value #REFUSED_EVENT} is audited and the request fails with
 * {@code invalid_grant} (RFC 6749 §5.2: the grant or refresh token "is invalid, expired, revoked").
 *
 * <p>Checking <em>after</em> the tokens are stored closes the race with a death being applied: that
 * stores the death first and revokes afterwards, so either the revocation finds the new tokens or
 * this check finds the death. Normally the revocation has already removed the code or refresh
 * grant, and Spring refuses the request before it gets here.
 */
@Component
public class ActiveCitizenTokenGuard {

    /** Audit event of a token request refused because the citizen's account is not active. */
    public static final String REFUSED_EVENT = "token.refused_inactive_citizen";

    private final HashingOAuth2AuthorizationService authorizations;
    private final CitizenStore citizens;
    private final AuditLog audit;

    public ActiveCitizenTokenGuard(HashingOAuth2AuthorizationService authorizations, CitizenStore citizens,
                                   AuditLog audit) {
        this.authorizations = authorizations;
        this.citizens = citizens;
        this.audit = audit;
    }

    /** For {@code tokenEndpoint.authenticationProviders(...)}: wraps the grants that issue citizens' tokens. */
    public Consumer<List<AuthenticationProvider>> aroundCitizenGrants() {
        return providers -> providers.replaceAll(provider ->
                provider instanceof OAuth2AuthorizationCodeAuthenticationProvider
                        || provider instanceof OAuth2RefreshTokenAuthenticationProvider
                        ? new Guarded(provider) : provider);
    }

    void check(OAuth2AccessTokenAuthenticationToken issued) {
        String clientId = issued.getRegisteredClient().getClientId();
        OAuth2Authorization authorization = authorizations.findByToken(issued.getAccessToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN);
        if (authorization == null) {
            // revoked between issuing and now: only revokeAllForCitizen does that
            refuse(clientId, null, "revoked_meanwhile");
        }
        Optional<UUID> citizenId = citizenIdOf(authorization.getPrincipalName());
        if (citizenId.isEmpty() || citizens.findById(citizenId.get()).filter(Citizen::isActive).isPresent()) {
            return;
        }
        authorizations.revokeAllForCitizen(authorization.getPrincipalName());
        refuse(clientId, citizenId.get(), "account_inactive");
    }

    private void refuse(String clientId, UUID citizenId, String reason) {
        audit.record(AuditEvent.failure(REFUSED_EVENT, clientId, citizenId, null, Map.of("reason", reason)));
        throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                "The grant is no longer valid.", null));
    }

    private static Optional<UUID> citizenIdOf(String principalName) {
        try {
            return Optional.of(UUID.fromString(principalName));
        } catch (IllegalArgumentException notACitizen) {
            return Optional.empty();
        }
    }

    private final class Guarded implements AuthenticationProvider {

        private final AuthenticationProvider delegate;

        Guarded(AuthenticationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Authentication result = delegate.authenticate(authentication);
            if (result instanceof OAuth2AccessTokenAuthenticationToken issued) {
                check(issued);
            }
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return delegate.supports(authentication);
        }
    }
}
