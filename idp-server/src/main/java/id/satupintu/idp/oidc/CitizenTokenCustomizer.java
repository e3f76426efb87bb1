package id.satupintu.idp.oidc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.oidc.claims.ClaimsRequest;
import id.satupintu.idp.oidc.claims.ClientClaims;
import id.satupintu.idp.oidc.logout.OidcSessionId;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.store.Sha256;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
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
 *     {@code amr} from the sign-in, not from the token request, and {@code at_hash} (§3.3.2.11)
 *     binding them to the access token issued with them, and {@code sid} of the single sign-on
 *     session the code was issued in ({@link OidcSessionId}, OIDC Back-Channel Logout 1.0 §2.4);</li>
 * <li>ID tokens carry the identity claims the {@code id_token} member of the {@code claims}
 *     parameter asks for (OIDC Core §5.5), including OIDC4IDA {@code verified_claims}, within the
 *     consented scopes ({@link ClientClaims}).</li>
 * </ul>
 * Tokens of the {@code client_credentials} grant keep the client as subject. ({@code scope} stays a
 * JSON array, not RFC 9068's string: Spring's registration and introspection read it as a list.)
 */
@Component
public class CitizenTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final PairwiseSubjects pairwiseSubjects;
    private final ClientClaims clientClaims;

    public CitizenTokenCustomizer(PairwiseSubjects pairwiseSubjects, ClientClaims clientClaims) {
        this.pairwiseSubjects = pairwiseSubjects;
        this.clientClaims = clientClaims;
    }

    @Override
    public void customize(JwtEncodingContext context) {
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
            OAuth2Authorization authorization = context.getAuthorization();
            String sid = OidcSessionId.of(authorization);
            if (sid != null) {
                context.getClaims().claim("sid", sid);
            }
            if (authorization != null && authorization.getAccessToken() != null) {
                context.getClaims().claim(IdTokenClaimNames.AT_HASH,
                        accessTokenHash(authorization.getAccessToken().getToken().getTokenValue()));
            }
            clientClaims.forIdToken(citizen.citizenId(), context.getRegisteredClient(), context.getAuthorizedScopes(),
                    ClaimsRequest.of(authorization)).forEach(context.getClaims()::claim);
        } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
        }
    }

    /**
     * {@code at_hash} (OIDC Core §3.3.2.11): the left half of the SHA-256 of the access token, base64url;
     * SHA-256 because every ID-token algorithm offered (RS256, PS256, ES256) uses it.
     */
    static String accessTokenHash(String accessToken) {
        byte[] digest = Sha256.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }

    private static boolean isIdToken(JwtEncodingContext context) {
        return OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    }
}
