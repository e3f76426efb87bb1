package id.satupintu.conformance.sdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.harness.AppDeployment;
import id.satupintu.conformance.sdk.harness.IsolatedTomcat;
import id.satupintu.conformance.sdk.harness.SdkApps;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Behind a TLS-terminating proxy the adapter takes the browser's origin from the container, which the
 * operator told to trust the proxy (Tomcat's RemoteIpValve): the redirect URI sent to the provider is the https
 * one the browser sees. (Without the valve the adapter ignores these headers: see {@link ServletSsoContract}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SDK Jakarta adapter on Tomcat 10.1 behind a proxy the container trusts (RemoteIpValve)")
class JakartaBehindProxyTest {

    private IsolatedTomcat tomcat;
    private AppDeployment app;

    @BeforeAll
    void startBehindProxy() {
        Harness harness = Harness.get();
        tomcat = IsolatedTomcat.start(IsolatedTomcat.Version.TOMCAT_10).trustLoopbackProxy();
        TestClient client = SdkApps.register(harness, URI.create("https://127.0.0.1/jakarta-war"));
        app = tomcat.deploy("/jakarta-war", SdkApps.war("jakarta-war"),
                SdkApps.configParameter(SdkApps.configFile(SdkApps.settings(harness, client))));
        assertThat(app.available()).isTrue();
    }

    @AfterAll
    void stop() {
        if (tomcat != null) {
            tomcat.close();
        }
    }

    @Test
    @DisplayName("X-Forwarded-Proto: https from the trusted proxy: the redirect URI is https")
    void signInWhenContainerTrustsProxyThenRedirectUriUsesForwardedScheme() {
        HttpResponse<String> response = BackChannel.get(app.uri("/profile"), "Accept", "text/html",
                "X-Forwarded-Proto", "https");

        assertThat(response.statusCode()).isEqualTo(302);
        AuthorizationResponse authorization = AuthorizationResponse.from(
                URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(authorization.parameters().get("redirect_uri"))
                .isEqualTo("https://127.0.0.1/jakarta-war" + SdkApps.CALLBACK_PATH);
    }

    @Test
    @DisplayName("the same request without the header: the redirect URI is the plain http origin")
    void signInWhenNoForwardedHeaderThenRedirectUriUsesRequestOrigin() {
        HttpResponse<String> response = BackChannel.get(app.uri("/profile"), "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        AuthorizationResponse authorization = AuthorizationResponse.from(
                URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(authorization.parameters().get("redirect_uri")).isEqualTo(app.uri(SdkApps.CALLBACK_PATH).toString());
    }
}
