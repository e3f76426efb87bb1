package id.satupintu.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/** The harness's own form reading, on markup shaped like the server's templates (no server needed). */
class HtmlFormTest {

    private static final String CONSENT = """
            <html lang="id"><body>
            <form action="/oauth2/authorize" method="post" class="form" id="consent-form">
              <input type="hidden" name="_csrf" value="c&amp;1"/>
              <input type="hidden" name="client_id" value="abc">
              <input type="hidden" name="state" value="s-1">
              <input type="hidden" name="scope" value="openid">
              <input type="checkbox" id="scope-0" value="openid" checked disabled="disabled">
              <input type="checkbox" id="scope-1" name="scope" value="profile" checked>
              <input type="checkbox" id="scope-2" name='scope' value="email">
              <button type="submit" id="approve">Izinkan</button>
            </form>
            <form action="/oauth2/authorize" method="post" class="form form--deny">
              <input type="hidden" name="client_id" value="abc">
              <input type="hidden" name="state" value="s-1">
              <button type="submit" id="deny">Tolak</button>
            </form></body></html>
            """;

    @Test
    void formsWhenConsentPageThenActionsResolvedAndControlsRead() {
        List<HtmlForm> forms = HtmlForm.all(page("http://localhost:9000/consent?x=1", CONSENT));
        assertThat(forms).hasSize(2);
        HtmlForm approval = forms.get(0);
        assertThat(approval.action()).isEqualTo(URI.create("http://localhost:9000/oauth2/authorize"));
        assertThat(approval.method()).isEqualTo("post");
        assertThat(approval.value("_csrf")).contains("c&1");
        assertThat(approval.options("scope")).containsExactly("profile", "email");
    }

    @Test
    void defaultsWhenBoxesUncheckedOrDisabledThenLeftOut() {
        HtmlForm approval = HtmlForm.all(page("http://localhost:9000/consent", CONSENT)).get(0);
        assertThat(approval.defaults().values("scope")).containsExactly("openid", "profile");
        assertThat(approval.defaultsWithoutBoxes("scope").values("scope")).containsExactly("openid");
    }

    @Test
    void formsWhenActionMissingThenPageUrl() {
        HtmlForm form = HtmlForm.all(page("http://localhost:9000/login?error",
                "<form method=POST><input name=nik><input name=password type=password></form>")).get(0);
        assertThat(form.action()).isEqualTo(URI.create("http://localhost:9000/login?error"));
        assertThat(form.method()).isEqualTo("post");
        assertThat(form.has("nik")).isTrue();
        assertThat(form.defaults().encode()).isEqualTo("nik=&password=");
    }

    @Test
    void formDataWhenPrintedThenValuesHidden() {
        assertThat(FormData.of("password", "secret").toString()).doesNotContain("secret");
    }

    static Page page(String uri, String body) {
        return new Page(URI.create(uri), new FixedResponse(URI.create(uri), 200, body));
    }

    private record FixedResponse(URI uri, int statusCode, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
