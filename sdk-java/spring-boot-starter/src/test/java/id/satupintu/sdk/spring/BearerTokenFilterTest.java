package id.satupintu.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.token.AccessTokenVerifier;
import id.satupintu.sdk.token.VerifiedAccessToken;
import id.satupintu.sdk.web.SsoFlow;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The bearer filter with the core's real verifier against a real (loopback) issuer: what passes, what is
 * refused with which RFC 6750 §3 answer, and that refusals say nothing about why.
 */
class BearerTokenFilterTest {

    private static final String AUDIENCE = "api-permohonan";

    private static TestIssuer issuer;
    private static AccessTokenVerifier verifier;

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.start();
        verifier = AccessTokenVerifier.create(issuer.issuer(), List.of(AUDIENCE), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void filterWhenValidTokenThenApplicationSeesSubjectRolesAndClaims() throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        MockHttpServletResponse response = run(filter(List.of()), "Bearer " + issuer.token(AUDIENCE, c -> c), seen);

        assertThat(response.getStatus()).isEqualTo(200);
        HttpServletRequest request = seen.get();
        assertThat(request).as("reached the application").isNotNull();
        assertThat(request.getRemoteUser()).isEqualTo("warga-42");
        assertThat(request.getUserPrincipal().getName()).isEqualTo("warga-42");
        assertThat(request.getAuthType()).isEqualTo("Bearer");
        assertThat(request.isUserInRole("petugas")).isTrue();
        assertThat(request.isUserInRole("admin")).isFalse();
        assertThat(((VerifiedAccessToken) request.getAttribute(BearerTokenFilter.ACCESS_TOKEN_ATTRIBUTE)).clientId())
                .isEqualTo("aplikasi-pemanggil");
        assertThat(request.getAttribute(SsoFlow.CLAIMS_ATTRIBUTE)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("sub", "warga-42");
    }

    @Test
    void filterWhenNoAuthorizationHeaderThen401BareChallenge() throws Exception {
        MockHttpServletResponse response = run(filter(List.of()), null, null);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"satupintu\"");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void filterWhenCorsPreflightWithoutTokenThenPassedOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/permohonan");
        request.addHeader("Origin", "https://portal.example");
        request.addHeader("Access-Control-Request-Method", "GET");
        MockFilterChain chain = new MockFilterChain();

        filter(List.of()).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("passed on").isSameAs(request);
    }

    @Test
    void filterWhenOptionsWithoutPreflightHeadersThen401() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/permohonan");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter(List.of()).doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void filterWhenOtherSchemeThen401BareChallenge() throws Exception {
        assertThat(run(filter(List.of()), "Basic dXNlcjpwdw==", null).getStatus()).isEqualTo(401);
    }

    @Test
    void filterWhenExpiredThenInvalidToken() throws Exception {
        assertInvalidToken(run(filter(List.of()), "Bearer " + issuer.token(AUDIENCE,
                c -> c.issueTime(Date.from(Instant.now().minusSeconds(900))).expirationTime(Date.from(Instant.now().minusSeconds(600)))), null));
    }

    @Test
    void filterWhenWrongAudienceThenInvalidToken() throws Exception {
        assertInvalidToken(run(filter(List.of()), "Bearer " + issuer.token("another-api", c -> c), null));
    }

    @Test
    void filterWhenWrongIssuerThenInvalidToken() throws Exception {
        assertInvalidToken(run(filter(List.of()), "Bearer " + issuer.token(AUDIENCE, c -> c.issuer("http://evil.example")), null));
    }

    @Test
    void filterWhenSignedByAnotherKeyThenInvalidToken() throws Exception {
        assertInvalidToken(run(filter(List.of()), "Bearer " + issuer.tokenSignedByStranger(AUDIENCE), null));
    }

    @Test
    void filterWhenNotAJwtThenInvalidTokenAndNoDetailInResponse() throws Exception {
        MockHttpServletResponse response = run(filter(List.of()), "Bearer abc.def.ghi", null);

        assertInvalidToken(response);
        assertThat(response.getContentAsString()).isEqualTo("{\"error\":\"invalid_token\"}");
    }

    @Test
    void filterWhenRequiredScopeMissingThen403InsufficientScope() throws Exception {
        MockHttpServletResponse response = run(filter(List.of("pajak.write")), "Bearer " + issuer.token(AUDIENCE, c -> c), null);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).contains("error=\"insufficient_scope\"").contains("scope=\"pajak.write\"");
    }

    @Test
    void filterWhenRequiredScopePresentThenPasses() throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        assertThat(run(filter(List.of("pajak.read")), "Bearer " + issuer.token(AUDIENCE, c -> c), seen).getStatus()).isEqualTo(200);
        assertThat(seen.get()).as("reached the application").isNotNull();
    }

    @Test
    void filterWhenIssuerUnreachableThen503NotInvalidToken() throws Exception {
        AccessTokenVerifier deadIssuer = AccessTokenVerifier.create(URI.create("http://127.0.0.1:9"), List.of(AUDIENCE),
                Duration.ofSeconds(5), Duration.ofSeconds(2));

        MockHttpServletResponse response = run(new BearerTokenFilter(deadIssuer, List.of(), "roles"),
                "Bearer " + issuer.token(AUDIENCE, c -> c), null);

        assertThat(response.getStatus()).isEqualTo(503);
    }

    private static BearerTokenFilter filter(List<String> requiredScopes) {
        return new BearerTokenFilter(verifier, requiredScopes, "roles");
    }

    private static MockHttpServletResponse run(BearerTokenFilter filter, String authorization,
                                               AtomicReference<HttpServletRequest> seen) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/permohonan");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest passed, jakarta.servlet.ServletResponse ignored) {
                if (seen != null) {
                    seen.set((HttpServletRequest) passed);
                }
            }
        };
        filter.doFilter(request, response, chain);
        if (seen == null && response.getStatus() == 200) {
            // a refusal was expected: a 200 here means the filter let the request through
            throw new AssertionError("the request reached the application");
        }
        return response;
    }

    private static void assertInvalidToken(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"satupintu\", error=\"invalid_token\"");
    }
}
