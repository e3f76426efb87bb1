package id.satupintu.conformance.sdk.boot;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.harness.SdkApps;
import id.satupintu.conformance.sdk.harness.SsoBrowser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refresh in the Spring Boot sample (OpenID Connect Core 1.0 §12): with {@code satupintu.refresh-ahead} longer than
 * any access token lives, every request finds the token expiring and refreshes it; the page then shows the claims
 * of the new ID token (a later {@code iat}) for the same sign-in (the same {@code auth_time}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SDK Spring Boot starter: refresh in the sample Boot app")
class SpringBootRefreshTest {

    private final List<SdkProcess> processes = new ArrayList<>();

    @RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher output = SdkProcess.showOutputOnFailure(() -> processes);

    private Harness harness;
    private URI base;

    @BeforeAll
    void startApp() {
        harness = Harness.get();
        int port = SdkProcess.freePort();
        base = URI.create("http://127.0.0.1:" + port);
        TestClient client = SdkApps.register(harness, base);
        processes.add(SdkProcess.start("spring-boot-app (refreshing)", SdkProcess.javaJar(SdkProcess.jar("spring-boot-app.jar")),
                Map.of("SERVER_ADDRESS", "127.0.0.1",
                        "SERVER_PORT", String.valueOf(port),
                        "SATUPINTU_ISSUER", harness.server().issuer().toString(),
                        "SATUPINTU_CLIENT_ID", client.clientId(),
                        "SATUPINTU_CLIENT_SECRET", client.clientSecret(),
                        "SATUPINTU_SCOPES", "openid profile offline_access",
                        "SATUPINTU_REFRESH_AHEAD", "P1D"))
                .awaitHttp(URI.create(base + "/public/signed-out"), Duration.ofSeconds(120)));
    }

    @AfterAll
    void stopApp() {
        processes.forEach(SdkProcess::close);
    }

    @Test
    @DisplayName("access token within refresh-ahead: the next request refreshes it (a new ID token's iat, same auth_time)")
    void refreshWhenAccessTokenWithinRefreshAheadThenNextRequestSeesNewIdToken() throws InterruptedException {
        SsoBrowser browser = new SsoBrowser(harness);
        Page first = browser.signIn(browser.open(URI.create(base + "/")), Citizen.SITI);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        String firstIat = text(first, "claim-iat");
        String authTime = text(first, "claim-auth_time");
        // iat has a resolution of one second
        Thread.sleep(1100);

        Page second = browser.openWithoutFollowing(URI.create(base + "/"));

        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(text(second, "remote-user")).isEqualTo(text(first, "remote-user"));
        assertThat(Long.parseLong(text(second, "claim-iat"))).as("iat of the refreshed ID token")
                .isGreaterThan(Long.parseLong(firstIat));
        assertThat(text(second, "claim-auth_time")).as("the same sign-in").isEqualTo(authTime);
    }

    private static String text(Page page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no #" + id + " on " + page + ": " + page.headline());
        }
        return matcher.group(1);
    }
}
