package id.satupintu.idp.session.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import id.satupintu.idp.oidc.logout.OidcTestClient;
import id.satupintu.idp.saml.slo.SloHttpTestSupport;
import id.satupintu.idp.testsupport.HeadlessChromium;

/**
 * The signed-out page with front-channel logout frames in real Chromium, under the server's own
 * Content-Security-Policy: the client's frame is loaded (the policy allows its origin), and the static
 * script then takes the browser on to the client's {@code post_logout_redirect_uri}; a frame that never
 * answers holds the browser only until the timeout. The client is a JDK server on 127.0.0.1.
 */
class FrontChannelLogoutBrowserTest extends SloHttpTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private PasswordEncoder secrets;

    private final List<String> frameRequests = new CopyOnWriteArrayList<>();
    private HttpServer relyingParty;
    private ChromeDriver chromium;

    @BeforeEach
    void start() throws IOException {
        relyingParty = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        relyingParty.createContext("/fc", exchange -> {
            frameRequests.add(exchange.getRequestURI().getRawQuery());
            answer(exchange, "<!DOCTYPE html><title>signed out of the app</title>");
        });
        relyingParty.createContext("/fc-hangs", exchange -> {
            frameRequests.add(exchange.getRequestURI().getRawQuery());
            try {
                TimeUnit.SECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        relyingParty.createContext("/bye", exchange -> answer(exchange, "<!DOCTYPE html><title>bye</title><h1>bye</h1>"));
        relyingParty.setExecutor(Executors.newCachedThreadPool());
        relyingParty.start();
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.quit();
        }
        relyingParty.stop(0);
    }

    private static void answer(HttpExchange exchange, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String rp(String path) {
        return "http://127.0.0.1:" + relyingParty.getAddress().getPort() + path;
    }

    /** Signs in over HTTP, asks for logout, and hands the browser's fresh session to Chromium on the frames page. */
    private long openFramesPageInChromium(String frontchannelPath) throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient client = new OidcTestClient(clients, secrets, agency(), null, rp(frontchannelPath), rp("/bye"));
        String idToken = client.idToken(citizen.browser());
        HttpResponse<String> logout = citizen.browser().get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + rp("/bye") + "&state=st-browser");
        assertThat(HttpBrowser.location(logout)).endsWith(LoggedOutPageController.PATH);

        chromium.get("http://localhost:" + port + "/favicon.ico");
        citizen.browser().cookies().forEach((name, value) -> chromium.manage().addCookie(new Cookie(name, value)));
        long started = System.nanoTime();
        chromium.get("http://localhost:" + port + LoggedOutPageController.PATH);
        return started;
    }

    @Test
    void loggedOutPageWhenFrameLoadsThenFrameRequestedWithIssAndSidThenOnToPostLogoutUri() throws Exception {
        openFramesPageInChromium("/fc");

        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlToBe(rp("/bye") + "?state=st-browser"));
        assertThat(frameRequests).singleElement().satisfies(query ->
                assertThat(query).startsWith("iss=").contains("&sid="));
    }

    @Test
    void loggedOutPageWhenFrameNeverAnswersThenOnToPostLogoutUriAfterTimeout() throws Exception {
        long started = openFramesPageInChromium("/fc-hangs");

        new WebDriverWait(chromium, WAIT).until(ExpectedConditions.urlToBe(rp("/bye") + "?state=st-browser"));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(frameRequests).hasSize(1);
        assertThat(waitedMillis).as("held until the 5 s timeout, not the frame's 20 s").isBetween(4_000L, 14_000L);
    }
}
