package id.satupintu.idp.oidc;

import java.util.Optional;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.session.AuthenticatedCitizen;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Checks an {@code id_token_hint} (OIDC Core §3.1.2.1): it must be an ID token this server issued
 * (signature and {@code iss}; an expired one is still a valid hint), and it tells whether the
 * signed-in citizen is the one the client expects.
 */
public class IdTokenHintVerifier {

    /** The outcome for one authorization request. */
    public enum Match { SAME_CITIZEN, OTHER_CITIZEN, INVALID }

    private final NimbusJwtDecoder decoder;
    private final PairwiseSubjects pairwiseSubjects;

    public IdTokenHintVerifier(JWKSource<SecurityContext> keys, String issuer, PairwiseSubjects pairwiseSubjects) {
        this.decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        // timestamps are not checked on purpose: the hint may be an expired ID token
        this.decoder.setJwtValidator(new JwtIssuerValidator(issuer));
        this.pairwiseSubjects = pairwiseSubjects;
    }

    public Match match(String idTokenHint, RegisteredClient client, AuthenticatedCitizen citizen) {
        Optional<Jwt> hint = decode(idTokenHint);
        if (hint.isEmpty() || hint.get().getAudience() == null
                || !hint.get().getAudience().contains(client.getClientId())) {
            return Match.INVALID;
        }
        String expected = pairwiseSubjects.subjectFor(AgencyOfClient.of(client), citizen.citizenId());
        return expected.equals(hint.get().getSubject()) ? Match.SAME_CITIZEN : Match.OTHER_CITIZEN;
    }

    private Optional<Jwt> decode(String token) {
        try {
            return Optional.of(decoder.decode(token));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }
}
