package id.satupintu.sdk.javax;

import static org.assertj.core.api.Assertions.assertThat;

import javax.servlet.FilterRegistration;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The initializer in a real Tomcat: registers the filter only when configured, and never twice. */
class SatuPintuInitializerTest {

    /** A provider nobody listens on: the filter answers sign-in attempts with its 503 page, proving it runs. */
    private static String deadIssuer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String properties(String issuer) {
        return "satupintu.issuer=" + issuer + "\nsatupintu.client-id=app\nsatupintu.client-secret=s3cret\n";
    }

    @Test
    void startupWhenWebInfPropertiesPresentThenFilterGuardsEveryPath() throws Exception {
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", properties(deadIssuer())).start()) {
            assertThat(app.available()).isTrue();
            assertThat(app.get("/page", "text/html").statusCode()).as("browser sign-in, provider down").isEqualTo(503);
            HttpResponse<String> api = app.get("/api", "application/json");
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).doesNotContain("user=");
        }
    }

    @Test
    void startupWhenOnlyEnvironmentIssuerSetThenFilterRegistered() throws Exception {
        Map<String, String> environment = Map.of("SATUPINTU_ISSUER", deadIssuer(), "SATUPINTU_CLIENT_ID", "app",
                "SATUPINTU_CLIENT_SECRET", "s3cret");
        try (TestApp app = TestApp.builder().environment(environment).start()) {
            assertThat(app.get("/page", "application/json").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void startupWhenNothingConfiguredThenApplicationUntouched() throws Exception {
        try (TestApp app = TestApp.builder().start()) {
            HttpResponse<String> response = app.get("/page", "text/html");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("user=null");
            assertThat(app.servletContext().getFilterRegistrations()).isEmpty();
        }
    }

    @Test
    void startupWhenApplicationDeclaresFilterThenNoSecondRegistration() throws Exception {
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", properties(deadIssuer()))
                .declareFilter().start()) {
            Map<String, ? extends FilterRegistration> registrations = app.servletContext().getFilterRegistrations();
            assertThat(registrations).containsOnlyKeys("sso-from-web-xml");
            assertThat(app.get("/page", "application/json").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void startupWhenConfigurationInvalidThenApplicationDoesNotStart() throws Exception {
        try (TestApp app = TestApp.builder()
                .webInfFile("satupintu.properties", "satupintu.issuer=not a url\nsatupintu.client-id=app\n").start()) {
            assertThat(app.available()).as("deployment failed instead of serving unprotected pages").isFalse();
        }
    }

    @Test
    void startupWhenSignOnConfiguredThenSessionCookieMadeHttpOnly() throws Exception {
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", properties(deadIssuer()))
                .scriptReadableSessionCookie().start()) {
            assertThat(app.servletContext().getSessionCookieConfig().isHttpOnly()).isTrue();
        }
    }

    @Test
    void startupWhenNothingConfiguredThenSessionCookieLeftAsTheApplicationHasIt() throws Exception {
        try (TestApp app = TestApp.builder().scriptReadableSessionCookie().start()) {
            assertThat(app.servletContext().getSessionCookieConfig().isHttpOnly()).isFalse();
        }
    }

    @Test
    void startupWhenApplicationHasItsOwnFilterThenSignOnRunsBeforeIt() throws Exception {
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", properties(deadIssuer()))
                .applicationFilter().start()) {
            HttpResponse<String> response = app.get("/page", "application/json");
            assertThat(response.statusCode()).as("the sign-on filter answered first").isEqualTo(401);
            assertThat(response.body()).doesNotContain("application filter");
        }
    }
}
