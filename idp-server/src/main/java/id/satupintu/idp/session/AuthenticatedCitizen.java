package id.satupintu.idp.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Who signed in and how: the principal of a citizen's single-sign-on session.
 *
 * <p>Carries only what protocol rules need (OIDC Core §2: {@code auth_time}, {@code acr},
 * {@code amr}); never the NIK or any credential, so it is safe to keep in the session store.
 *
 * @param citizenId stable internal account id; the input to pairwise subject identifiers
 * @param authenticatedAt when the citizen last actively authenticated ({@code auth_time})
 * @param acr the level of assurance reached
 * @param amr the authentication methods used (RFC 8176 values, e.g. {@code pwd})
 */
public record AuthenticatedCitizen(UUID citizenId, Instant authenticatedAt, String acr, List<String> amr)
        implements Serializable {

    public AuthenticatedCitizen {
        Objects.requireNonNull(citizenId, "citizenId");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        Objects.requireNonNull(acr, "acr");
        amr = List.copyOf(amr);
    }
}
