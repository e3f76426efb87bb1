package id.satupintu.idp.oidc.claims;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.CitizenClaimsSource;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * The claims a client receives about a citizen at UserInfo (OIDC Core §5.3) and in the ID token
 * (§2, §5.5): reads the citizen once, limits the token's scopes to those the client is still
 * registered for (an administrator may have withdrawn {@code nik} since), lets {@link ClaimRelease}
 * choose, and records every release of the NIK as audit event {@value #NIK_RELEASED} with the client,
 * its agency and the masked NIK.
 */
@Component
public class ClientClaims {

    public static final String NIK_RELEASED = "claims.nik_released";

    private final CitizenClaimsSource source;
    private final AuditLog audit;

    public ClientClaims(CitizenClaimsSource source, AuditLog audit) {
        this.source = source;
        this.audit = audit;
    }

    /** @return the UserInfo claims (without {@code sub}), or empty when the citizen is no longer active */
    public Optional<Map<String, Object>> forUserInfo(UUID citizenId, RegisteredClient client, Set<String> tokenScopes,
                                                     ClaimsRequest request) {
        return source.claimsOf(citizenId).map(citizen -> audited(citizenId, client, citizen, "userinfo",
                ClaimRelease.forUserInfo(citizen, allowedScopes(client, tokenScopes), request.userinfo())));
    }

    /** @return the claims the ID token carries besides the protocol ones; none without an {@code id_token} request */
    public Map<String, Object> forIdToken(UUID citizenId, RegisteredClient client, Set<String> authorizedScopes,
                                          ClaimsRequest request) {
        if (request.idToken().isEmpty()) {
            return Map.of(); // the common case: no read of the citizen on the token path
        }
        return source.claimsOf(citizenId).map(citizen -> audited(citizenId, client, citizen, "id_token",
                ClaimRelease.forIdToken(citizen, allowedScopes(client, authorizedScopes), request.idToken())))
                .orElse(Map.of());
    }

    static Set<String> allowedScopes(RegisteredClient client, Set<String> tokenScopes) {
        Set<String> allowed = new HashSet<>(tokenScopes);
        allowed.retainAll(client.getScopes());
        return allowed;
    }

    private Map<String, Object> audited(UUID citizenId, RegisteredClient client, CitizenClaims citizen,
                                        String destination, Map<String, Object> released) {
        if (ClaimRelease.releasesNik(released)) {
            audit.record(AuditEvent.success(NIK_RELEASED, client.getClientId(), citizenId, null,
                    Map.of("agency", String.valueOf(AgencyOfClient.of(client)), "nik", citizen.maskedNik(),
                            "destination", destination)));
        }
        return released;
    }
}
