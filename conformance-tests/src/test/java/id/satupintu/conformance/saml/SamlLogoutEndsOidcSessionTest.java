package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.Jwks;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.saml.BrowserCodeFlow;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A logout started at a SAML SP ends the whole SSO session, OIDC included (SAML Profiles §4.4,
 * OpenID Connect Back-Channel Logout 1.0 §2.5): an OIDC client of the session that registered a
 * {@code backchannel_logout_uri} receives a signed logout token naming the citizen and the session.
 */
@DisplayName("SAML logout ends the OIDC side of the session")
class SamlLogoutEndsOidcSessionTest extends SamlConformanceTest {

    private static final String BACK_CHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static PySaml2ServiceProvider sp;
    private static HttpServer relyingParty;
    private static final List<String> logoutTokens = new CopyOnWriteArrayList<>();
    private static TestClient client;

    @BeforeAll
    static void startServiceProviderAndRelyingParty() throws IOException {
        sp = serviceProvider(SpOptions.named("slo-oidc"));
        relyingParty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relyingParty.createContext("/backchannel", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : body.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    logoutTokens.add(URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8));
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        relyingParty.start();
        client = registerClient(ClientSpec.confidential().set("backchannel_logout_uri",
                "http://127.0.0.1:" + relyingParty.getAddress().getPort() + "/backchannel"));
    }

    @AfterAll
    static void stopRelyingParty() {
        relyingParty.stop(0);
    }

    @Test
    @DisplayName("logout at the SAML SP: the OIDC client of the same session gets a signed logout token with its sub and sid")
    void logoutWhenAtSamlSpThenOidcClientReceivesLogoutToken() throws Exception {
        SamlBrowser browser = newSamlBrowser(sp);
        assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);
        BrowserCodeFlow.Outcome oidc = new BrowserCodeFlow(harness).run(browser, client, Citizen.SITI);
        assertThat(oidc.front().loginShown()).isFalse();
        Object sid = oidc.flow().idToken().getClaim("sid");
        assertThat(sid).as("sid in the ID token (Back-Channel Logout §2.4)").isNotNull();

        FrontChannel.Result logout = frontChannel.open(browser, sp.logout(), null);
        assertThat(logout.endedAt(sp.baseUrl().resolve("/slo"))).as("SAML logout completed: " + logout).isTrue();

        SignedJWT token = SignedJWT.parse(awaitLogoutToken());
        assertThat(token.getHeader().getType()).as("typ").hasToString("logout+jwt");
        JWK key = Jwks.fetch(harness.discovery()).getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("signing key in the JWKS").isNotNull();
        assertThat(IdTokens.verifySignature(token, key)).as("logout token signature").isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(harness.discovery().issuer());
        assertThat(claims.getAudience()).containsExactly(client.clientId());
        assertThat(claims.getSubject()).isEqualTo(oidc.sub());
        assertThat(claims.getClaim("sid")).isEqualTo(sid);
        List<String> events = ((Map<?, ?>) claims.getClaim("events")).keySet().stream().map(String::valueOf).toList();
        assertThat(events).as("events").contains(BACK_CHANNEL_EVENT);
        assertThat(claims.getClaim("nonce")).as("nonce is forbidden in a logout token").isNull();
    }

    /** Logout tokens are sent asynchronously, with retries: wait a little for the first. */
    private static String awaitLogoutToken() throws InterruptedException {
        for (int i = 0; i < 100 && logoutTokens.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(logoutTokens).as("logout tokens received by the client's backchannel_logout_uri").isNotEmpty();
        return logoutTokens.get(logoutTokens.size() - 1);
    }
}
