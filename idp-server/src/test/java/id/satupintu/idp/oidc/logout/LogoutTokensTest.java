package id.satupintu.idp.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import id.satupintu.idp.session.SsoParticipants.OidcParticipant;

class LogoutTokensTest {

    private static final String ISSUER = "https://id.satupintu.example";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static RSAKey rsa;
    private static ECKey ec;
    private static LogoutTokens tokens;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rs").algorithm(JWSAlgorithm.RS256).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("es").algorithm(JWSAlgorithm.ES256).generate();
        tokens = new LogoutTokens(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(List.of(rsa, ec)))), ISSUER,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void issueWhenParticipantWithSidThenLogoutTokenOfBackChannelLogoutSection24() throws Exception {
        RegisteredClient client = TestLogoutClients.client("https://rp.example/logout", SignatureAlgorithm.RS256);

        SignedJWT jwt = SignedJWT.parse(tokens.issue(client, new OidcParticipant(client.getClientId(), "pairwise-sub", "sid-1")));

        assertThat(jwt.verify(new RSASSAVerifier(rsa.toPublicJWK()))).isTrue();
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(client.getClientId());
        assertThat(claims.getSubject()).isEqualTo("pairwise-sub");
        assertThat(claims.getStringClaim("sid")).isEqualTo("sid-1");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(120)));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getJSONObjectClaim("events"))
                .isEqualTo(Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        assertThat(claims.getClaims()).doesNotContainKey("nonce");
    }

    @Test
    void issueWhenClientUsesEs256ForIdTokensThenLogoutTokenSignedWithEs256() throws Exception {
        RegisteredClient client = TestLogoutClients.client("https://rp.example/logout", SignatureAlgorithm.ES256);

        SignedJWT jwt = SignedJWT.parse(tokens.issue(client, new OidcParticipant(client.getClientId(), "sub", "sid")));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.verify(new ECDSAVerifier(ec.toPublicJWK()))).isTrue();
    }

    @Test
    void issueWhenIssuedTwiceThenEachHasItsOwnJti() throws Exception {
        RegisteredClient client = TestLogoutClients.client("https://rp.example/logout", SignatureAlgorithm.RS256);
        OidcParticipant participant = new OidcParticipant(client.getClientId(), "sub", "sid");

        String first = SignedJWT.parse(tokens.issue(client, participant)).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(tokens.issue(client, participant)).getJWTClaimsSet().getJWTID();

        assertThat(first).isNotEqualTo(second);
    }
}
