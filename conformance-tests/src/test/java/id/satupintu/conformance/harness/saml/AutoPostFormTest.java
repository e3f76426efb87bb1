package id.satupintu.conformance.harness.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import id.satupintu.conformance.harness.Page;
import org.junit.jupiter.api.Test;

class AutoPostFormTest {

    private static final String XML = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>";
    private static final String ENCODED = Base64.getEncoder().encodeToString(XML.getBytes(StandardCharsets.UTF_8));

    @Test
    void onWhenMarkedFormWithNoscriptButtonThenFoundWithMessageAndRelayState() {
        Page page = page("<html><body><form class=\"x\" method=\"post\" action=\"http://127.0.0.1:7000/acs\" data-auto-submit>"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + ENCODED + "\">"
                + "<input type=\"hidden\" name=\"RelayState\" value=\"r&amp;1\">"
                + "<noscript><button type=\"submit\">Lanjutkan</button></noscript></form></body></html>");

        AutoPostForm form = AutoPostForm.on(page).orElseThrow();

        assertThat(form.noscriptButton()).isTrue();
        assertThat(form.parameterName()).isEqualTo("SAMLResponse");
        assertThat(form.messageXml()).isEqualTo(XML);
        assertThat(form.relayState()).contains("r&1");
        assertThat(form.form().action()).isEqualTo(URI.create("http://127.0.0.1:7000/acs"));
        assertThat(form.submission().encode()).contains("SAMLResponse=").contains("RelayState=r%261");
    }

    @Test
    void onWhenNoNoscriptButtonThenFoundButMarkedUnsubmittableWithoutJavaScript() {
        Page page = page("<form method=\"post\" action=\"/acs\" data-auto-submit>"
                + "<input type=\"hidden\" name=\"SAMLRequest\" value=\"" + ENCODED + "\"></form>");
        assertThat(AutoPostForm.on(page)).hasValueSatisfying(f -> assertThat(f.noscriptButton()).isFalse());
    }

    @Test
    void onWhenFormNotMarkedOrWithoutSamlFieldThenAbsent() {
        assertThat(AutoPostForm.on(page("<form method=\"post\" action=\"/acs\">"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"x\"></form>"))).isEmpty();
        assertThat(AutoPostForm.on(page("<form method=\"post\" action=\"/login\" data-auto-submit>"
                + "<input name=\"nik\"></form>"))).isEmpty();
    }

    @Test
    void onWhenSecondFormIsTheSamlOneThenThatOneFound() {
        Page page = page("<form method=\"get\" action=\"/lang\"><button name=\"lang\" value=\"en\">EN</button></form>"
                + "<form method=\"post\" action=\"http://127.0.0.1:7000/slo\" data-auto-submit>"
                + "<input type=\"hidden\" name=\"SAMLRequest\" value=\"" + ENCODED + "\">"
                + "<noscript><input type=\"submit\" value=\"Continue\"></noscript></form>");
        assertThat(AutoPostForm.on(page)).hasValueSatisfying(f -> {
            assertThat(f.parameterName()).isEqualTo("SAMLRequest");
            assertThat(f.form().action().getPath()).isEqualTo("/slo");
            assertThat(f.noscriptButton()).isTrue();
        });
    }

    static Page page(String body) {
        return new Page(URI.create("http://localhost:8080/saml2/idp/sso"), new StubResponse(200, body));
    }

    /** A received response, as the browser hands it to {@link Page}. */
    record StubResponse(int statusCode, String body) implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://localhost:8080/")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of("Content-Type", List.of("text/html")), (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request().uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
