package id.satupintu.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The README's claim, checked in a real Boot application on Tomcat: with Spring Security present, the
 * starter's filters run first and Spring Security's standard {@code jee()} support turns the principal and
 * roles they expose into an {@link Authentication}, with no glue code.
 */
class SpringSecurityCompositionTest {

    private static final String AUDIENCE = "api-permohonan";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestIssuer issuer;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() {
        issuer = TestIssuer.start();
        app = new SpringApplication(SecuredApp.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--satupintu.issuer=" + issuer.issuer(),
                "--satupintu.client-id=" + AUDIENCE,
                "--satupintu.client-secret=rahasia-uji",
                "--satupintu.browser-login.enabled=false",
                "--satupintu.resource-server.enabled=true");
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        issuer.close();
    }

    @Test
    void springSecurityWhenBearerTokenAcceptedThenAuthenticationHasPrincipalAndMappedRole() throws Exception {
        HttpResponse<String> response = get("/api/whoami", issuer.token(AUDIENCE, c -> c));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("warga-42 [ROLE_petugas]");
    }

    @Test
    void springSecurityWhenRoleMissingThenForbiddenBySpringSecurity() throws Exception {
        HttpResponse<String> response = get("/api/admin", issuer.token(AUDIENCE, c -> c));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void springSecurityWhenNoTokenThenStarterAnswers401BeforeSpringSecurity() throws Exception {
        HttpResponse<String> response = get("/api/whoami", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"satupintu\"");
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootApplication
    static class SecuredApp {

        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http
                    .jee(jee -> jee.mappableAuthorities("petugas", "admin"))
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/api/admin").hasRole("admin")
                            .anyRequest().authenticated())
                    .build();
        }

        @RestController
        static class Whoami {

            @GetMapping("/api/whoami")
            String whoami(Principal principal) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication.getName() + " " + authentication.getAuthorities();
            }

            @GetMapping("/api/admin")
            String admin() {
                return "admin";
            }
        }
    }
}
