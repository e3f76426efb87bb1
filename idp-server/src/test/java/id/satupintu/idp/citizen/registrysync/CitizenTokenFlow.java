package id.satupintu.idp.citizen.registrysync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.registry.Nik;

/**
 * A relying party and a citizen's browser over MockMvc, through the server's real endpoints: sign-in,
 * authorization-code flow with PKCE, token refresh, userinfo and introspection. The client is a
 * confidential one of its own, registered at runtime, so the shared test context stays as it is.
 */
final class CitizenTokenFlow {

    static final String SCOPES = "openid profile address";
    private static final String REDIRECT_URI = "https://layanan.example.go.id/callback";
    private static final String VERIFIER = "registry-events-test-code-verifier-0123456789-abcdefghijkl";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private final MockMvc mvc;
    private final String clientId = "registry-events-" + UUID.randomUUID();
    private final String clientSecret = UUID.randomUUID().toString();

    CitizenTokenFlow(MockMvc mvc, RegisteredClientRepository clients, PasswordEncoder secrets) {
        this.mvc = mvc;
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(secrets.encode(clientSecret))
                .clientName("Layanan Uji Peristiwa Registri")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(REDIRECT_URI)
                .scope("openid").scope("profile").scope("address")
                .clientSettings(ClientTokenPolicy.clientSettings("kemendagri", false).build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(SignatureAlgorithm.RS256))
                .build());
    }

    /** The tokens of one completed flow, and the browser whose SSO session obtained them. */
    record Tokens(MockBrowser browser, String accessToken, String refreshToken, String idToken) {
    }

    MockBrowser browser() {
        int n = ADDRESS.getAndIncrement();
        return new MockBrowser(mvc, "10.77." + (n / 250) + "." + (n % 250 + 1));
    }

    /** @return where the sign-in form sent the browser: "/" on success, "/login?error" on refusal */
    static String signIn(MockBrowser browser, Nik nik, String password) throws Exception {
        return browser.perform(post("/login").param("nik", nik.value()).param("password", password).with(csrf()))
                .getResponse().getRedirectedUrl();
    }

    Tokens signInAndObtainTokens(Nik nik, String password) throws Exception {
        MockBrowser browser = browser();
        assertThat(signIn(browser, nik, password)).isEqualTo("/");
        String code = authorize(browser);
        assertThat(code).as("authorization code").isNotNull();
        Map<String, Object> tokens = tokenResponse(exchange(code));
        return new Tokens(browser, (String) tokens.get("access_token"), (String) tokens.get("refresh_token"),
                (String) tokens.get("id_token"));
    }

    /** @return the code the authorization endpoint redirected to the client with, or null when it did not */
    String authorize(MockBrowser browser) throws Exception {
        MvcResult result = browser.perform(get(URI.create("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + REDIRECT_URI + "&scope=" + SCOPES.replace(" ", "%20") + "&state=s1&nonce=n1"
                + "&code_challenge=" + challenge() + "&code_challenge_method=S256")));
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || !location.startsWith(REDIRECT_URI)) {
            return null;
        }
        return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
    }

    MvcResult exchange(String code) throws Exception {
        return mvc.perform(post("/oauth2/token").header("Authorization", basic())
                .param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", REDIRECT_URI).param("code_verifier", VERIFIER)).andReturn();
    }

    MvcResult refresh(String refreshToken) throws Exception {
        return mvc.perform(post("/oauth2/token").header("Authorization", basic())
                .param("grant_type", "refresh_token").param("refresh_token", refreshToken)).andReturn();
    }

    MvcResult userInfo(String accessToken) throws Exception {
        return mvc.perform(get("/userinfo").header("Authorization", "Bearer " + accessToken)).andReturn();
    }

    Map<String, Object> introspect(String token) throws Exception {
        MvcResult result = mvc.perform(post("/oauth2/introspect").header("Authorization", basic())
                .param("token", token)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json(result);
    }

    static Map<String, Object> tokenResponse(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return json(result);
    }

    static Map<String, Object> json(MvcResult result) throws Exception {
        return JSONObjectUtils.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static Map<String, Object> claimsOf(String idToken) throws ParseException {
        return SignedJWT.parse(idToken).getJWTClaimsSet().getClaims();
    }

    String clientId() {
        return clientId;
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    private static String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
