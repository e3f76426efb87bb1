package id.satupintu.idp.saml.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.satupintu.idp.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The HTTP-POST binding page: rendered in the citizen's language, no inline script, the button in
 * {@code <noscript>}, and in a real browser under the server's Content-Security-Policy the static
 * script posts the form to the service provider.
 */
class PostFormPageTest {

    /** The citizen pages' policy (WebSecurityConfiguration): no inline script. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final PostForm FORM = new PostForm("https://layanan.example.go.id/saml/acs", "SAMLResponse",
            "PHNhbWxwOlJlc3BvbnNlLz4=", "relay/1");

    @Test
    void renderWhenIndonesianThenHeadingButtonInNoscriptAndHiddenFields() {
        String html = render(FORM, Locale.forLanguageTag("id"));

        assertThat(html).contains("lang=\"id\"")
                .contains("<h1>Anda sedang dikembalikan ke layanan</h1>")
                .contains("<form method=\"post\" action=\"https://layanan.example.go.id/saml/acs\" data-auto-submit=\"true\"")
                .contains("<input type=\"hidden\" name=\"SAMLResponse\" value=\"PHNhbWxwOlJlc3BvbnNlLz4=\">")
                .contains("<input type=\"hidden\" name=\"RelayState\" value=\"relay/1\">")
                .containsPattern("(?s)<noscript>.*<button type=\"submit\"[^>]*>Lanjutkan</button>.*</noscript>")
                .contains("<script src=\"/js/saml-post.js\"></script>");
        assertThat(html.replace("<script src=\"/js/saml-post.js\"></script>", "")).doesNotContain("<script");
    }

    @Test
    void renderWhenEnglishThenEnglishTexts() {
        String html = render(FORM, Locale.ENGLISH);

        assertThat(html).contains("lang=\"en\"").contains("<h1>You are being sent back to the service</h1>")
                .containsPattern("(?s)<noscript>.*>Continue</button>.*</noscript>");
    }

    @Test
    void renderWhenNoRelayStateThenNoRelayStateField() {
        String html = render(new PostForm(FORM.action(), "SAMLRequest", FORM.value(), null), Locale.ENGLISH);

        assertThat(html).contains("name=\"SAMLRequest\"").doesNotContain("RelayState");
    }

    @Test
    void renderWhenRelayStateHasMarkupThenEscaped() {
        String html = render(new PostForm(FORM.action(), "SAMLResponse", FORM.value(), "\"><script>alert(1)</script>"),
                Locale.ENGLISH);

        assertThat(html).contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void browserWhenPageLoadsUnderStrictCspThenScriptPostsMessageAndRelayStateToTheServiceProvider() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<String> received = new CompletableFuture<>();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        PostForm form = new PostForm(base + "/acs", "SAMLResponse", "PHNhbWxwOlJlc3BvbnNlLz4=", "relay/1 ü");
        server.createContext("/sso", exchange -> send(exchange, "text/html", render(form, Locale.forLanguageTag("id"))));
        server.createContext("/js/saml-post.js", exchange -> {
            try (InputStream script = getClass().getResourceAsStream("/static/js/saml-post.js")) {
                send(exchange, "text/javascript", new String(script.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        server.createContext("/acs", exchange -> {
            received.complete(exchange.getRequestMethod() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(exchange, "text/html", "<!DOCTYPE html><title>SP</title><p>received</p>");
        });
        server.start();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.get(base + "/sso");

            String request = received.get(30, TimeUnit.SECONDS);
            assertThat(request).startsWith("POST ");
            String body = URLDecoder.decode(request.substring(5), StandardCharsets.UTF_8);
            assertThat(body).isEqualTo("SAMLResponse=PHNhbWxwOlJlc3BvbnNlLz4=&RelayState=relay/1 ü");
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().add("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Renders the view as the server does: Thymeleaf with Spring's dialect and the application's messages. */
    private static String render(PostForm form, Locale locale) {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/saml2/idp/sso");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, new MockHttpServletResponse()), locale);
        context.setVariable(PostForm.MODEL_ATTRIBUTE, form);
        return engine.process(PostForm.VIEW, context);
    }
}
