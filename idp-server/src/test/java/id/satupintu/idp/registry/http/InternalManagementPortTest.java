package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an internal management port, a monitoring system reads metrics there without signing in,
 * while the public port exposes no metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "management.endpoints.web.exposure.include=health,metrics,prometheus",
        "satupintu.demo-data=false"})
class InternalManagementPortTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    private int publicPort;
    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry properties) throws Exception {
        String dir = Files.createTempDirectory("satupintu-management-port-test-").toString();
        properties.add("satupintu.data-dir", () -> dir);
    }

    @Test
    void metricsWhenAskedOnTheManagementPortThenListedWithoutSignIn() throws Exception {
        HttpResponse<String> metrics = get(managementPort, "/actuator/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"names\"").contains("jvm.memory.used");
        assertThat(metrics.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusWhenScrapedOnTheManagementPortThenTextFormat() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsWhenAskedOnThePublicPortThenNotServed() throws Exception {
        assertThat(get(publicPort, "/actuator/metrics").statusCode()).isNotEqualTo(200);
        assertThat(get(publicPort, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
