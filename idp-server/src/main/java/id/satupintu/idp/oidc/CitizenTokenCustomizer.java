package id.satupintu.idp.oidc;

import java.util.Date;
import java.util.TreeSet;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the JWTs issued for a citizen:
 * <ul>
 * <li>{@code sub} is the pairwise identifier for the client's agency (OIDC Core §8.1), in ID tokens
 *     and access tokens alike, so no token carries the internal account id;</li>
 * <li>ID tokens carry {@code auth_time} (§2, required with {@code max_age}), {@code acr} and
 *     {@code amr} from the sign-in, not from the token request.</li>
 * </ul>
 * Access tokens carry {@code scope} as one space-delimited string (RFC 9068 §2.2.3). Tokens of the
 * {@code client_credentials} grant keep the client as subject.
 */
@Component
public class CitizenTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final PairwiseSubjects pairwiseSubjects;

    public CitizenTokenCustomizer(PairwiseSubjects pairwiseSubjects) {
        this.pairwiseSubjects = pairwiseSubjects;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !context.getAuthorizedScopes().isEmpty()) {
            // RFC 9068 §2.2.3: one space-delimited string, not a JSON array
            context.getClaims().claim("scope", String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
        }
        if (!(context.getPrincipal() instanceof CitizenAuthenticationToken citizenToken)) {
            return;
        }
        AuthenticatedCitizen citizen = citizenToken.getPrincipal();
        String agency = AgencyOfClient.of(context.getRegisteredClient());
        context.getClaims().subject(pairwiseSubjects.subjectFor(agency, citizen.citizenId()));
        if (isIdToken(context)) {
            context.getClaims()
                    .claim(IdTokenClaimNames.AUTH_TIME, Date.from(citizen.authenticatedAt()))
                    .claim(IdTokenClaimNames.ACR, citizen.acr())
                    .claim("amr", citizen.amr());
        } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
        }
    }

    private static boolean isIdToken(JwtEncodingContext context) {
        return OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    }
}
