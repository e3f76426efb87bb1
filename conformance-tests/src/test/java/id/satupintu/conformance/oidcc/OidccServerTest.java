package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-server: one complete code flow, checking the authorization response, the token
 * response and the ID token as OIDC Core §3.1 requires.
 */
@DisplayName("oidcc-server")
class OidccServerTest extends ConformanceTest {

    private static TestClient client;
    private static CompletedFlow flow;

    @BeforeAll
    static void signInOnce() {
        client = registerClient();
        flow = signIn(client);
    }

    @Test
    @DisplayName("the citizen signs in and the client gets a code, then tokens and a valid ID token")
    void codeFlowWhenCitizenSignsInThenTokensAndValidIdToken() {
        assertThat(flow.authorization().loginShown()).as("login page shown to a fresh browser").isTrue();
        assertThat(flow.accessToken()).isNotBlank();
        assertThat(flow.idToken().getSubject()).isNotBlank();
    }

    @Test
    @DisplayName("token response: Bearer, expires_in and Cache-Control no-store (RFC 6749 §5.1)")
    void tokenResponseWhenIssuedThenNoStoreAndExpiresIn() {
        assertThat(flow.tokens().json().get("expires_in")).isInstanceOf(Number.class);
        assertThat(flow.tokens().http().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    @DisplayName("ID token carries acr, auth_time close to now and a correct at_hash")
    void idTokenWhenIssuedThenAcrAuthTimeAndAtHash() {
        assertThat(IdTokens.stringClaim(flow.idToken(), "acr")).as("acr").isNotBlank();
        Instant authTime = IdTokens.authTime(flow.idToken());
        assertThat(authTime).as("auth_time").isNotNull().isBetween(Instant.now().minus(10, ChronoUnit.MINUTES),
                Instant.now().plusSeconds(5));
        String atHash = IdTokens.stringClaim(flow.idToken(), "at_hash");
        assertThat(atHash).as("at_hash").isEqualTo(IdTokens.expectedAtHash(flow.accessToken(),
                IdTokens.parse(flow.tokens().idToken()).getHeader().getAlgorithm()));
    }

    @Test
    @DisplayName("UserInfo returns the same sub as the ID token")
    void userInfoWhenCalledWithAccessTokenThenSameSub() {
        assertThat(userInfo(flow.accessToken()).get("sub")).isEqualTo(flow.sub());
    }
}
