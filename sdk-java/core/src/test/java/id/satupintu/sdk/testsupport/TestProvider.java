package id.satupintu.sdk.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real OpenID provider over real HTTP for the SDK's unit tests: discovery, JWKS, authorization,
 * token (authorization code with PKCE S256, refresh token; {@code client_secret_basic} or
 * {@code private_key_jwt}), userinfo and end-session, on a loopback {@link HttpServer}.
 *
 * <p>Tests make it misbehave on purpose through its setters: another issuer in discovery or the ID
 * token ({@link #idTokens}), error statuses and slow answers per path, key rotation, a chosen
 * {@code Cache-Control} on the JWKS. It records what it received ({@link #lastAuthorizationRequest},
 * {@link #lastTokenRequest}) and counts JWKS and discovery fetches.
 */
public final class TestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = "test-secret-0123456789-0123456789";
    public static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final String issuer;
    private final TestKeys keys = new TestKeys();

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> assertionIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failingPaths = new ConcurrentHashMap<>();
    private final Map<String, Duration> slowPaths = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger discoveryFetches = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private volatile String subject = "citizen-1";
    private volatile String sid = "sid-1";
    private volatile String acr = "urn:satupintu:loa:2";
    private volatile String idTokenAlgorithm = "RS256";
    private volatile Consumer<TestJwt> idTokenTweak = jwt -> { };
    private volatile Map<String, Object> userInfoExtras = Map.of("name", "Siti Aminah", "roles", List.of("staff"));
    private volatile String discoveryIssuer;
    private volatile String discoveryCacheControl = "max-age=300";
    private volatile String jwksCacheControl = "max-age=300";
    private volatile List<String> advertisedAlgorithms = List.of("RS256", "PS256", "ES256");
    private volatile String authorizationError;
    private volatile boolean sendIssuerInCallback = true;
    private volatile boolean advertiseIssuerInCallback = true;
    private volatile String callbackIssuer;
    private volatile PublicKey clientPublicKey;
    private volatile Map<String, String> lastAuthorizationRequest = Map.of();
    private volatile TokenRequest lastTokenRequest;
    private volatile Map<String, String> lastLogoutRequest = Map.of();

    private TestProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static TestProvider start() {
        try {
            return new TestProvider();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test provider", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String url(String path) {
        return issuer + path;
    }

    public TestKeys keys() {
        return keys;
    }

    /** @return {@code satupintu.*} properties for a client of this provider with the client secret */
    public Map<String, String> clientProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("satupintu.issuer", issuer);
        properties.put("satupintu.client-id", CLIENT_ID);
        properties.put("satupintu.client-secret", CLIENT_SECRET);
        properties.put("satupintu.redirect-uri", "http://127.0.0.1:1/app/satupintu/callback");
        return properties;
    }

    // ---- switches tests use to shape the provider's answers ----

    /** The citizen the provider signs in at {@code /authorize}. */
    public TestProvider signedIn(String subject, String sid) {
        this.subject = subject;
        this.sid = sid;
        return this;
    }

    public TestProvider acr(String acr) {
        this.acr = acr;
        return this;
    }

    public TestProvider idTokenAlgorithm(String algorithm) {
        this.idTokenAlgorithm = algorithm;
        return this;
    }

    /** Changes every ID token the token endpoint issues from now on (wrong iss, aud, exp, nonce...). */
    public TestProvider idTokens(Consumer<TestJwt> tweak) {
        this.idTokenTweak = tweak;
        return this;
    }

    /** Claims userinfo returns besides {@code sub}; a {@code sub} here overrides the real one. */
    public TestProvider userInfo(Map<String, Object> claims) {
        this.userInfoExtras = Map.copyOf(claims);
        return this;
    }

    /** Makes discovery claim another issuer (OpenID Connect Discovery 1.0 §4.3 says: refuse it). */
    public TestProvider discoveryIssuer(String issuer) {
        this.discoveryIssuer = issuer;
        return this;
    }

    public TestProvider discoveryCacheControl(String value) {
        this.discoveryCacheControl = value;
        return this;
    }

    /** @param value the JWKS response's {@code Cache-Control}, or null for none */
    public TestProvider jwksCacheControl(String value) {
        this.jwksCacheControl = value;
        return this;
    }

    public TestProvider advertisedAlgorithms(List<String> algorithms) {
        this.advertisedAlgorithms = List.copyOf(algorithms);
        return this;
    }

    /** The next authorizations answer with this error (for example {@code access_denied}); null to stop. */
    public TestProvider authorizationError(String error) {
        this.authorizationError = error;
        return this;
    }

    /** @param issuer the {@code iss} the callback carries (RFC 9207), or null to send none */
    public TestProvider callbackIssuer(String issuer) {
        this.sendIssuerInCallback = issuer != null;
        this.callbackIssuer = issuer;
        return this;
    }

    /** Whether discovery promises {@code iss} in every authorization response (RFC 9207 §3). */
    public TestProvider advertiseCallbackIssuer(boolean advertise) {
        this.advertiseIssuerInCallback = advertise;
        return this;
    }

    /** Registers the client's public key: the token endpoint then accepts {@code private_key_jwt}. */
    public TestProvider clientPublicKey(PublicKey key) {
        this.clientPublicKey = key;
        return this;
    }

    /** Answers every request to the path with this status until {@link #recover}. */
    public TestProvider fail(String path, int status) {
        failingPaths.put(path, status);
        return this;
    }

    /** Delays every answer on the path until {@link #recover}. */
    public TestProvider slow(String path, Duration delay) {
        slowPaths.put(path, delay);
        return this;
    }

    public TestProvider recover() {
        failingPaths.clear();
        slowPaths.clear();
        return this;
    }

    /** Key rollover: new signing keys with new {@code kid}s, the old ones gone from the JWKS. */
    public TestProvider rotateKeys() {
        keys.rotate();
        return this;
    }

    // ---- what the provider saw ----

    public int jwksFetches() {
        return jwksFetches.get();
    }

    public int discoveryFetches() {
        return discoveryFetches.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public Map<String, String> lastAuthorizationRequest() {
        return lastAuthorizationRequest;
    }

    public TokenRequest lastTokenRequest() {
        return lastTokenRequest;
    }

    public Map<String, String> lastLogoutRequest() {
        return lastLogoutRequest;
    }

    /**
     * What the token endpoint received.
     *
     * @param assertion the {@code private_key_jwt} assertion's claims, or null
     * @param refusal   why the provider refused the request, or null when it answered tokens
     */
    public record TokenRequest(Map<String, String> parameters, String authorization,
            Map<String, Object> assertion, String refusal) {
    }

    // ---- tokens for tests ----

    /** An ID token for the signed-in citizen, like the token endpoint's (no nonce). */
    public TestJwt idToken() {
        Instant now = Instant.now();
        return new TestJwt(keys).algorithm(idTokenAlgorithm)
                .with("iss", issuer).with("sub", subject).with("aud", CLIENT_ID).with("azp", CLIENT_ID)
                .at("iat", now).at("exp", now.plusSeconds(300)).at("auth_time", now)
                .with("sid", sid).with("acr", acr);
    }

    /** An RFC 9068 access token for the signed-in citizen, audience the client id. */
    public TestJwt accessToken() {
        Instant now = Instant.now();
        return new TestJwt(keys).type("at+jwt")
                .with("iss", issuer).with("sub", subject).with("aud", CLIENT_ID).with("client_id", CLIENT_ID)
                .with("scope", "openid profile").at("iat", now).at("exp", now.plusSeconds(300))
                .with("jti", random());
    }

    /** A back-channel logout token (Back-Channel Logout 1.0 §2.4) for the signed-in citizen's session. */
    public TestJwt logoutToken() {
        Instant now = Instant.now();
        return new TestJwt(keys).type("logout+jwt")
                .with("iss", issuer).with("aud", CLIENT_ID).at("iat", now).at("exp", now.plusSeconds(120))
                .with("jti", random()).with("sub", subject).with("sid", sid)
                .with("events", Map.of(BACKCHANNEL_EVENT, Map.of()));
    }

    /** Signs in at {@code /authorize} as a browser would and returns the code it issued (for direct use). */
    public String issueCode(String redirectUri, String codeChallenge, String nonce) {
        String code = random();
        codes.put(code, new Grant(CLIENT_ID, redirectUri, codeChallenge, nonce, "openid profile", subject, sid, acr));
        return code;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private record Grant(String clientId, String redirectUri, String codeChallenge, String nonce, String scope,
            String subject, String sid, String acr) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, Map<String, ?> body) {
            return new Answer(status, Map.of("Content-Type", "application/json", "Cache-Control", "no-store"),
                    JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)));
        }

        static Answer redirect(String location) {
            return new Answer(302, Map.of("Location", location), "");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            count(path);
            Duration delay = slowPaths.get(path);
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            Integer failure = failingPaths.get(path);
            Answer answer = failure != null
                    ? new Answer(failure, Map.of("Content-Type", "text/plain"), "test provider failing on purpose")
                    : route(path, exchange);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every request counts, also those answered with a failure on purpose. */
    private void count(String path) {
        switch (path) {
            case "/jwks" -> jwksFetches.incrementAndGet();
            case "/.well-known/openid-configuration" -> discoveryFetches.incrementAndGet();
            case "/token" -> tokenRequests.incrementAndGet();
            default -> { }
        }
    }

    private Answer route(String path, HttpExchange exchange) throws IOException {
        return switch (path) {
            case "/.well-known/openid-configuration" -> discovery();
            case "/jwks" -> jwks();
            case "/authorize" -> authorize(query(exchange));
            case "/token" -> token(form(exchange), exchange.getRequestHeaders().getFirst("Authorization"));
            case "/userinfo" -> userInfo(exchange.getRequestHeaders().getFirst("Authorization"));
            case "/logout" -> logout(query(exchange));
            default -> new Answer(404, Map.of(), "");
        };
    }

    private Answer discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", discoveryIssuer != null ? discoveryIssuer : issuer);
        document.put("authorization_endpoint", url("/authorize"));
        document.put("token_endpoint", url("/token"));
        document.put("userinfo_endpoint", url("/userinfo"));
        document.put("jwks_uri", url("/jwks"));
        document.put("end_session_endpoint", url("/logout"));
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("pairwise"));
        document.put("id_token_signing_alg_values_supported", advertisedAlgorithms);
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "private_key_jwt"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("authorization_response_iss_parameter_supported", advertiseIssuerInCallback);
        document.put("backchannel_logout_supported", true);
        document.put("backchannel_logout_session_supported", true);
        document.put("frontchannel_logout_supported", false);
        Answer answer = Answer.json(200, document);
        return withCacheControl(answer, discoveryCacheControl);
    }

    private Answer jwks() {
        Answer answer = Answer.json(200, keys.publicJwks().toJSONObject(true));
        return withCacheControl(answer, jwksCacheControl);
    }

    private static Answer withCacheControl(Answer answer, String cacheControl) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.remove("Cache-Control");
        if (cacheControl != null) {
            headers.put("Cache-Control", cacheControl);
        }
        return new Answer(answer.status(), headers, answer.body());
    }

    private Answer authorize(Map<String, String> request) {
        lastAuthorizationRequest = Map.copyOf(request);
        String redirectUri = request.get("redirect_uri");
        if (redirectUri == null || !CLIENT_ID.equals(request.get("client_id"))) {
            return new Answer(400, Map.of("Content-Type", "text/plain"), "unknown client or redirect_uri");
        }
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        if (authorizationError != null) {
            location.append("error=").append(encode(authorizationError));
        } else {
            String code = random();
            codes.put(code, new Grant(CLIENT_ID, redirectUri, request.get("code_challenge"), request.get("nonce"),
                    request.get("scope"), subject, sid, acr));
            location.append("code=").append(encode(code));
        }
        if (request.get("state") != null) {
            location.append("&state=").append(encode(request.get("state")));
        }
        if (sendIssuerInCallback) {
            location.append("&iss=").append(encode(callbackIssuer != null ? callbackIssuer : issuer));
        }
        return Answer.redirect(location.toString());
    }

    private Answer token(Map<String, String> request, String authorization) {
        Map<String, Object> assertion = null;
        String refusal;
        try {
            assertion = request.containsKey("client_assertion") ? checkAssertion(request) : null;
            refusal = assertion != null ? null : checkSecret(authorization);
        } catch (ParseException | JOSEException e) {
            refusal = "unreadable client assertion";
        }
        if (refusal != null) {
            lastTokenRequest = new TokenRequest(Map.copyOf(request), authorization, assertion, refusal);
            return Answer.json(401, Map.of("error", "invalid_client", "error_description", refusal));
        }
        Answer answer;
        String grantType = request.getOrDefault("grant_type", "");
        if (grantType.equals("authorization_code")) {
            answer = codeGrant(request);
        } else if (grantType.equals("refresh_token")) {
            answer = refreshGrant(request);
        } else {
            answer = Answer.json(400, Map.of("error", "unsupported_grant_type"));
        }
        lastTokenRequest = new TokenRequest(Map.copyOf(request), authorization, assertion,
                answer.status() == 200 ? null : answer.body());
        return answer;
    }

    private String checkSecret(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return "no client authentication";
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        // RFC 6749 §2.3.1: both halves are form-urlencoded before the Basic encoding
        String id = URLDecoder.decode(decoded.substring(0, Math.max(colon, 0)), StandardCharsets.UTF_8);
        String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        return CLIENT_ID.equals(id) && CLIENT_SECRET.equals(secret) ? null : "wrong client id or secret";
    }

    /**
     * RFC 7523 §3: iss = sub = client id, aud the issuer, unexpired, signed by the registered key, jti once;
     * and {@code client_id} in the form, optional in RFC 7521 §4.2 but required by Spring Authorization Server,
     * so by SatuPintu.
     */
    private Map<String, Object> checkAssertion(Map<String, String> request) throws ParseException, JOSEException {
        if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(request.get("client_assertion_type"))) {
            throw new ParseException("wrong client_assertion_type", 0);
        }
        SignedJWT jwt = SignedJWT.parse(request.get("client_assertion"));
        PublicKey key = clientPublicKey;
        JWSVerifier verifier = key instanceof ECPublicKey ec ? new ECDSAVerifier(ec)
                : key instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa) : null;
        var claims = jwt.getJWTClaimsSet();
        boolean valid = CLIENT_ID.equals(request.get("client_id")) && verifier != null && jwt.verify(verifier)
                && CLIENT_ID.equals(claims.getIssuer()) && CLIENT_ID.equals(claims.getSubject())
                && claims.getAudience().contains(issuer)
                && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(Instant.now())
                && claims.getJWTID() != null && assertionIds.add(claims.getJWTID());
        if (!valid) {
            throw new ParseException("client assertion refused", 0);
        }
        Map<String, Object> recorded = new LinkedHashMap<>(claims.toJSONObject());
        recorded.put("alg", jwt.getHeader().getAlgorithm().getName());
        if (jwt.getHeader().getKeyID() != null) {
            recorded.put("kid", jwt.getHeader().getKeyID());
        }
        return recorded;
    }

    private Answer codeGrant(Map<String, String> request) {
        Grant grant = codes.remove(request.getOrDefault("code", ""));
        if (grant == null) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "unknown or used code"));
        }
        if (!grant.redirectUri().equals(request.get("redirect_uri"))) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "redirect_uri differs"));
        }
        String verifier = request.get("code_verifier");
        if (grant.codeChallenge() == null || verifier == null || !grant.codeChallenge().equals(s256(verifier))) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
        }
        return tokens(grant, grant.nonce());
    }

    private Answer refreshGrant(Map<String, String> request) {
        // rotation: the used refresh token is gone, the answer carries a new one
        Grant grant = refreshTokens.remove(request.getOrDefault("refresh_token", ""));
        if (grant == null) {
            return Answer.json(400, Map.of("error", "invalid_grant", "error_description", "unknown refresh token"));
        }
        return tokens(grant, null);
    }

    private Answer tokens(Grant grant, String nonce) {
        TestJwt idToken = idToken().with("sub", grant.subject()).with("sid", grant.sid()).with("acr", grant.acr());
        if (nonce != null) {
            idToken.with("nonce", nonce);
        }
        idTokenTweak.accept(idToken);
        String accessToken = accessToken().with("sub", grant.subject()).with("scope", grant.scope()).mint();
        accessTokens.add(accessToken);
        String refreshToken = random();
        refreshTokens.put(refreshToken, grant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        body.put("refresh_token", refreshToken);
        body.put("id_token", idToken.mint());
        body.put("scope", grant.scope());
        return Answer.json(200, body);
    }

    private Answer userInfo(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !accessTokens.contains(authorization.substring(7))) {
            return new Answer(401, Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), "");
        }
        try {
            String sub = (String) SignedJWT.parse(authorization.substring(7)).getJWTClaimsSet().getSubject();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", sub);
            claims.putAll(userInfoExtras);
            return Answer.json(200, claims);
        } catch (ParseException e) {
            return new Answer(401, Map.of(), "");
        }
    }

    private Answer logout(Map<String, String> request) {
        lastLogoutRequest = Map.copyOf(request);
        String target = request.get("post_logout_redirect_uri");
        if (target == null) {
            return new Answer(200, Map.of("Content-Type", "text/plain"), "signed out");
        }
        String state = request.get("state");
        return Answer.redirect(state == null ? target : target + (target.contains("?") ? "&" : "?") + "state=" + encode(state));
    }

    // ---- small helpers ----

    private static Map<String, String> query(HttpExchange exchange) {
        return decodeForm(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return decodeForm(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> decodeForm(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
