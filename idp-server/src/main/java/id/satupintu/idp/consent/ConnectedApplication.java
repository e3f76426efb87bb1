package id.satupintu.idp.consent;

import java.time.Instant;
import java.util.List;

/**
 * An application a citizen gave consent to, as the connected-applications page lists it.
 *
 * @param clientId the OAuth client id, what the withdraw form posts
 * @param agencyName the agency running the application; its code when the agency is unknown
 * @param scopes the granted scopes, in the order the page shows them
 */
public record ConnectedApplication(String clientId, String clientName, String agencyName, List<String> scopes,
                                   Instant grantedAt) {
}
