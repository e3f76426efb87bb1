package id.satupintu.idp.oidc.logout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;

/**
 * Makes logout tokens (OIDC Back-Channel Logout 1.0 §2.4): JWTs signed by the ACTIVE OIDC key of the
 * client's ID-token algorithm through the server's {@link JwtEncoder}, typed {@value #TYPE} (§2.4 and
 * RFC 8725 §3.11, so no logout token can pass for an ID token), with {@code iss}, {@code aud},
 * {@code iat}, {@code exp}, {@code jti}, {@code events}, the pairwise {@code sub} and the session's
 * {@code sid}; never a {@code nonce} (§2.4 forbids it).
 */
@Component
public class LogoutTokens {

    /** The JWT {@code typ} header of logout tokens. */
    public static final String TYPE = "logout+jwt";
    /** The member of {@code events} that makes a JWT a logout token (§2.4). */
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** Short, since it is sent at once: long enough for the retries, too short to be worth stealing. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private final JwtEncoder encoder;
    private final String issuer;
    private final Clock clock;

    @Autowired
    public LogoutTokens(JwtEncoder encoder, SatuPintuProperties properties) {
        this(encoder, properties.issuer(), Clock.systemUTC());
    }

    LogoutTokens(JwtEncoder encoder, String issuer, Clock clock) {
        this.encoder = encoder;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** @return the signed logout token for one client of the ended session */
    public String issue(RegisteredClient client, OidcParticipant participant) {
        SignatureAlgorithm algorithm = client.getTokenSettings().getIdTokenSignatureAlgorithm();
        JwsHeader header = JwsHeader.with(algorithm == null ? ClientTokenPolicy.DEFAULT_ID_TOKEN_ALGORITHM : algorithm)
                .type(TYPE).build();
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(client.getClientId()))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .claim("events", Map.of(EVENT, Map.of()));
        if (participant.subject() != null) {
            claims.subject(participant.subject());
        }
        if (participant.sid() != null) {
            claims.claim("sid", participant.sid());
        }
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
