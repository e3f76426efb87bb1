package id.satupintu.idp.citizen.registrysync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;
import id.satupintu.idp.session.SsoSessions;
import id.satupintu.idp.session.store.memory.ContainerSsoSessions;

/**
 * The quickstart (H2, no Redis): the SSO session is the servlet container's, so this runs the real
 * embedded Tomcat over HTTP; a death ends the session through the container-session index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:registry-events-quickstart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "satupintu.demo-data=false",
        "satupintu.data-dir=${java.io.tmpdir}/satupintu-registry-events-quickstart-test"})
@Import(TestRegisteredClients.class)
class RegistryDeathQuickstartTest {

    private static final String PASSWORD = "kata-sandi-mulai-cepat";

    @LocalServerPort
    private int port;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private RegistryEventReceiver receiver;
    @Autowired
    private SsoSessions sessions;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void signIn(RegistryRecord person) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "nik=" + person.nik().value() + "&password=" + PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location")).as("signed in").hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
    }

    @Test
    void deathWhenSignedInOnQuickstartThenContainerSessionEnded() throws Exception {
        RegistryRecord person = TestRegistryRecords.fresh();
        citizens.save(TestRegistryRecords.accountOf(person, hasher.hash(PASSWORD)));
        EmbeddedRegistry registry = new EmbeddedRegistry(new FixedRecords(List.of(person)), Clock.systemUTC());
        registry.subscribe(receiver);
        signIn(person);
        assertThat(get("/").body()).contains("Anda sudah masuk sebagai Agung Prasetyo");

        registry.recordDeath(person.nik(), LocalDate.of(2026, 11, 26));

        assertThat(get("/").body()).doesNotContain("Anda sudah masuk sebagai");
        assertThat(sessions).isInstanceOf(ContainerSsoSessions.class);
    }
}
