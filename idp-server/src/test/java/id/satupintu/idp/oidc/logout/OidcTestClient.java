package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.util.UriComponentsBuilder;

import id.satupintu.idp.agency.ClientTokenPolicy;
import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.session.logout.HttpBrowser;

/**
 * An OpenID Connect relying party over real HTTP: a confidential client of its own, registered with a
 * back-channel logout endpoint and a post-logout redirect URI, running the authorization-code flow
 * with PKCE through a citizen's {@link HttpBrowser}.
 */
public final class OidcTestClient {

    public static final String REDIRECT_URI = "https://rp.example.go.id/callback";
    public static final String POST_LOGOUT_URI = "https://rp.example.go.id/signed-out";
    private static final String VERIFIER = "single-logout-test-code-verifier-0123456789-abcdefghijklmn";

    private final String clientId = "logout-rp-" + UUID.randomUUID();
    private final String secret = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param backchannelLogoutUri the registered endpoint, or null for none */
    public OidcTestClient(RegisteredClientRepository clients, PasswordEncoder secrets, String agency,
                          String backchannelLogoutUri) {
        this(clients, secrets, agency, backchannelLogoutUri, null);
    }

    /**
     * @param backchannelLogoutUri the registered back-channel endpoint, or null for none
     * @param frontchannelLogoutUri the registered front-channel logout page, or null for none
     */
    public OidcTestClient(RegisteredClientRepository clients, PasswordEncoder secrets, String agency,
                          String backchannelLogoutUri, String frontchannelLogoutUri) {
        this(clients, secrets, agency, backchannelLogoutUri, frontchannelLogoutUri, POST_LOGOUT_URI);
    }

    /** @param postLogoutUri the one registered {@code post_logout_redirect_uri} */
    public OidcTestClient(RegisteredClientRepository clients, PasswordEncoder secrets, String agency,
                          String backchannelLogoutUri, String frontchannelLogoutUri, String postLogoutUri) {
        ClientSettings.Builder settings = ClientTokenPolicy.clientSettings(agency, false);
        LogoutChannel.BACK.apply(settings, backchannelLogoutUri, true);
        LogoutChannel.FRONT.apply(settings, frontchannelLogoutUri, false);
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret(secrets.encode(secret))
                .clientName("Layanan Uji Keluar")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .postLogoutRedirectUri(postLogoutUri)
                .scope("openid")
                .clientSettings(settings.build())
                .tokenSettings(ClientTokenPolicy.tokenSettings(SignatureAlgorithm.RS256))
                .build());
    }

    public String clientId() {
        return clientId;
    }

    /** @return the ID token of a code flow in the browser's SSO session (the citizen is signed in already) */
    public String idToken(HttpBrowser browser) throws Exception {
        HttpResponse<String> authorized = browser.get("/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + REDIRECT_URI + "&scope=openid&state=s1&nonce=n1&code_challenge=" + challenge()
                + "&code_challenge_method=S256");
        String location = HttpBrowser.location(authorized);
        if (!location.startsWith(REDIRECT_URI)) {
            throw new AssertionError("no code: " + authorized.statusCode() + " " + location);
        }
        String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(browser.base() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + REDIRECT_URI + "&code_verifier=" + VERIFIER))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new AssertionError("token endpoint: " + token.statusCode() + " " + token.body());
        }
        return (String) JSONObjectUtils.parse(token.body()).get("id_token");
    }

    /** Verifies a JWT against the server's published JWKS, as a relying party does. */
    public static boolean verifiedByJwks(String base, SignedJWT jwt) throws IOException, InterruptedException,
            ParseException, com.nimbusds.jose.JOSEException {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JWKSet keys = JWKSet.parse(jwks.body());
        var key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            return false;
        }
        java.security.Key publicKey = key instanceof com.nimbusds.jose.jwk.AsymmetricJWK asymmetric
                ? asymmetric.toPublicKey() : null;
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
        return jwt.verify(verifier);
    }

    public static Map<String, Object> claims(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
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
