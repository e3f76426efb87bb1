package id.satupintu.conformance.harness.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.satupintu.conformance.harness.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SAML browser against two stub servers: an "IdP" on {@code localhost} and an "SP" on
 * {@code 127.0.0.1}, two sites as in the conformance tests.
 */
class SamlBrowserTest {

    private static final String XML = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>";

    private static HttpServer idp;
    private static HttpServer sp;
    private static URI idpOrigin;
    private static URI spOrigin;
    /** The Cookie header each stub path last received ("" when none). */
    private static final Map<String, String> cookiesReceived = new ConcurrentHashMap<>();

    @BeforeAll
    static void startStubs() throws IOException {
        idp = HttpServer.create(new InetSocketAddress(0), 0);
        sp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idpOrigin = URI.create("http://localhost:" + idp.getAddress().getPort());
        spOrigin = URI.create("http://127.0.0.1:" + sp.getAddress().getPort());
        sp.createContext("/login", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("Set-Cookie", "sp=1; Path=/");
            redirect(exchange, idpOrigin + "/sso?SAMLRequest=x");
        });
        idp.createContext("/sso", exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("Set-Cookie", "SATUPINTU_SESSION=s; Path=/; SameSite=Lax");
            html(exchange, "<form method=\"post\" action=\"" + spOrigin + "/acs\" data-auto-submit>"
                    + "<input type=\"hidden\" name=\"SAMLResponse\" value=\""
                    + Base64.getEncoder().encodeToString(XML.getBytes(StandardCharsets.UTF_8)) + "\">"
                    + "<noscript><button type=\"submit\">Continue</button></noscript></form>");
        });
        sp.createContext("/acs", exchange -> {
            record(exchange);
            html(exchange, "{\"done\":true}");
        });
        sp.createContext("/post-to-idp", exchange -> html(exchange, "<form method=\"post\" action=\"" + idpOrigin
                + "/receive\" data-auto-submit><input type=\"hidden\" name=\"SAMLRequest\" value=\"PHg+\">"
                + "<noscript><button type=\"submit\">Continue</button></noscript></form>"));
        idp.createContext("/receive", exchange -> {
            record(exchange);
            redirect(exchange, idpOrigin + "/after-receive");
        });
        idp.createContext("/after-receive", exchange -> {
            record(exchange);
            redirect(exchange, "http://localhost:1/callback");
        });
        idp.start();
        sp.start();
    }

    @AfterAll
    static void stopStubs() {
        idp.stop(0);
        sp.stop(0);
    }

    @Test
    void roundTripWhenSpRedirectsAndIdpAutoPostsThenBrowserCrossesBothOriginsAndPosts() {
        SamlBrowser browser = new SamlBrowser(idpOrigin, spOrigin);
        FrontChannel.Result result = new FrontChannel(idpOrigin).open(browser, URI.create(spOrigin + "/login"), null);

        assertThat(result.finalPage().uri()).isEqualTo(URI.create(spOrigin + "/acs"));
        assertThat(result.json()).containsEntry("done", true);
        assertThat(result.autoPosts()).singleElement().satisfies(post -> {
            assertThat(post.messageXml()).isEqualTo(XML);
            assertThat(post.noscriptButton()).isTrue();
        });
        assertThat(result.requests()).extracting(SamlBrowser.Request::method).containsExactly("GET", "GET", "POST");
        assertThat(cookiesReceived.get("/acs")).as("the SP's Lax cookie on the IdP's cross-site POST").isEmpty();
    }

    @Test
    void postWhenCrossSiteAutoPostToIdpThenSessionCookieWithheldButSentOnFollowingGet() {
        SamlBrowser browser = new SamlBrowser(idpOrigin, spOrigin);
        browser.open(URI.create(idpOrigin + "/sso"));
        FrontChannel.Result result = new FrontChannel(idpOrigin).open(browser, URI.create(spOrigin + "/post-to-idp"), null);

        assertThat(cookiesReceived.get("/receive")).as("IdP Lax cookie on a cross-site POST").isEmpty();
        assertThat(cookiesReceived.get("/after-receive")).as("IdP cookie on the redirect that follows")
                .isEqualTo("SATUPINTU_SESSION=s");
        Page last = result.finalPage();
        assertThat(last.status()).as("redirect to an origin the browser does not follow ends the navigation")
                .isEqualTo(302);
        assertThat(last.location()).contains(URI.create("http://localhost:1/callback"));
    }

    @Test
    void historyWhenRoundTripThenEveryRequestWithStatus() {
        SamlBrowser browser = new SamlBrowser(idpOrigin, spOrigin);
        int mark = browser.mark();
        browser.open(URI.create(spOrigin + "/login"));
        List<SamlBrowser.Request> requests = browser.historySince(mark);
        assertThat(requests).extracting(SamlBrowser.Request::status).containsExactly(302, 200);
        assertThat(requests.get(1).uri().getPath()).isEqualTo("/sso");
    }

    private static void record(HttpExchange exchange) {
        cookiesReceived.put(exchange.getRequestURI().getPath(),
                String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of())));
        try {
            exchange.getRequestBody().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void html(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
