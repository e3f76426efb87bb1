package id.satupintu.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real gateway (Jetty, the Jakarta filter, the proxy servlet) in front of a real upstream over loopback
 * HTTP, for what happens on the way through whoever is signed in. Every path is public here, so no provider is
 * contacted (discovery is lazy); sign-on itself is tested against the real provider in conformance-tests.
 */
class GatewayServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicReference<HttpExchange> LAST = new AtomicReference<>();
    private static final AtomicReference<Map<String, List<String>>> LAST_HEADERS = new AtomicReference<>();

    private static HttpServer upstream;
    private static GatewayServer gateway;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", GatewayServerTest::answer);
        upstream.start();
        String upstreamUri = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/app";
        gateway = GatewayServer.start(GatewaySettings.load(new String[0], Map.of(
                "GATEWAY_UPSTREAM", upstreamUri,
                "GATEWAY_LISTEN_HOST", "127.0.0.1",
                "GATEWAY_LISTEN_PORT", "0",
                "SATUPINTU_ISSUER", "http://127.0.0.1:" + closedPort(),
                "SATUPINTU_CLIENT_ID", "contoh",
                "SATUPINTU_CLIENT_SECRET", "rahasia-uji",
                "SATUPINTU_PUBLIC_PATHS", "/*")));
        base = URI.create("http://127.0.0.1:" + gateway.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        upstream.stop(0);
    }

    @Test
    void proxyWhenAnonymousRequestForgesIdentityHeadersThenUpstreamGetsNone() throws Exception {
        HttpResponse<String> response = send("/halaman", "X-SatuPintu-Subject", "attacker", "x_satupintu_roles", "admin",
                "X-SATUPINTU-ACR", "3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(LAST_HEADERS.get().keySet()).noneMatch(IdentityHeaders::isIdentityHeader);
    }

    @Test
    void proxyWhenClientSendsForwardedHeadersAndNoTrustedProxyThenUpstreamGetsOnlyTheGatewaysOwn() throws Exception {
        send("/halaman", "X-Forwarded-For", "203.0.113.66", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "Forwarded", "for=203.0.113.66;host=evil.example", "X_Forwarded_Host", "evil.example");

        String all = LAST_HEADERS.get().toString();
        assertThat(all).doesNotContain("203.0.113.66").doesNotContain("evil.example");
        assertThat(LAST_HEADERS.get().keySet()).doesNotContain("X_forwarded_host");
    }

    @Test
    void proxyWhenRequestHasPathAndQueryThenUpstreamGetsThemUnderItsBasePath() throws Exception {
        send("/cari%20data/x?q=a%26b&n=1");

        assertThat(LAST.get().getRequestURI().getRawPath()).isEqualTo("/app/cari%20data/x");
        assertThat(LAST.get().getRequestURI().getRawQuery()).isEqualTo("q=a%26b&n=1");
    }

    @Test
    void proxyWhenGatewayCookiesSentThenUpstreamGetsOnlyItsOwn() throws Exception {
        send("/halaman", "Cookie", "SATUPINTU_GATEWAY=node0abc; tema=gelap; SATUPINTU_APP=handle");

        assertThat(LAST_HEADERS.get().get("Cookie")).containsExactly("tema=gelap");
    }

    @Test
    void proxyWhenUpstreamSetsGatewayCookieThenBrowserNeverGetsIt() throws Exception {
        HttpResponse<String> response = send("/set-cookies");

        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("tema=gelap; Path=/");
    }

    @Test
    void proxyWhenUpstreamRedirectsToItsOwnAddressThenBrowserIsSentToTheGateway() throws Exception {
        HttpResponse<String> response = send("/redirect");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue(base + "/app/next?x=1");
    }

    @Test
    void signOnPathsWhenRequestedThenAnsweredByGatewayNotUpstream() throws Exception {
        LAST.set(null);

        HttpResponse<String> response = send("/satupintu/backchannel-logout");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(LAST.get()).as("the upstream was not called").isNull();
    }

    @Test
    void proxyWhenUpstreamDownThenBadGatewayNotServerError() throws Exception {
        try (GatewayServer toNowhere = GatewayServer.start(GatewaySettings.load(new String[0], Map.of(
                "GATEWAY_UPSTREAM", "http://127.0.0.1:" + closedPort(),
                "GATEWAY_LISTEN_HOST", "127.0.0.1",
                "GATEWAY_LISTEN_PORT", "0",
                "SATUPINTU_ISSUER", "http://127.0.0.1:" + closedPort(),
                "SATUPINTU_CLIENT_ID", "contoh",
                "SATUPINTU_CLIENT_SECRET", "rahasia-uji",
                "SATUPINTU_PUBLIC_PATHS", "/*")))) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + toNowhere.port() + "/x")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
        }
    }

    @Test
    void signInWhenProviderUnreachableThenServiceUnavailableNotServerErrorAndUpstreamNotCalled() throws Exception {
        try (GatewayServer deadProvider = GatewayServer.start(GatewaySettings.load(new String[0], Map.of(
                "GATEWAY_UPSTREAM", "http://127.0.0.1:" + upstream.getAddress().getPort(),
                "GATEWAY_LISTEN_HOST", "127.0.0.1",
                "GATEWAY_LISTEN_PORT", "0",
                "SATUPINTU_ISSUER", "http://127.0.0.1:" + closedPort(),
                "SATUPINTU_CLIENT_ID", "contoh",
                "SATUPINTU_CLIENT_SECRET", "rahasia-uji")))) {
            LAST.set(null);

            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + deadProvider.port() + "/halaman")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(LAST.get()).as("the upstream was not called").isNull();
        }
    }

    private static HttpResponse<String> send(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        LAST.set(exchange);
        LAST_HEADERS.set(Map.copyOf(exchange.getRequestHeaders()));
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/app/set-cookies")) {
            exchange.getResponseHeaders().add("Set-Cookie", "SATUPINTU_GATEWAY=from-upstream; Path=/");
            exchange.getResponseHeaders().add("Set-Cookie", "tema=gelap; Path=/");
        }
        if (path.equals("/app/redirect")) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + upstream.getAddress().getPort() + "/app/next?x=1");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
