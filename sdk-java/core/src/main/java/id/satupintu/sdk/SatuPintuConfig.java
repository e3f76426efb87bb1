package id.satupintu.sdk;

import id.satupintu.sdk.internal.config.PemPrivateKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the SDK needs to know, from a properties file and environment variables, so that an
 * application adopts sign-on with configuration only.
 *
 * <p>Property names (environment variable in brackets: upper case, {@code .} and {@code -} become
 * {@code _}; the environment wins over the file):
 * <ul>
 *   <li>{@code satupintu.issuer} [SATUPINTU_ISSUER] — required; discovery is read from it</li>
 *   <li>{@code satupintu.client-id} [SATUPINTU_CLIENT_ID] — required</li>
 *   <li>{@code satupintu.client-secret} [SATUPINTU_CLIENT_SECRET] — or {@code satupintu.client-key}:
 *       path of a PKCS#8 PEM private key for {@code private_key_jwt}, with {@code satupintu.client-key-id}
 *       and {@code satupintu.client-key-algorithm} (RS256 default, PS256, ES256)</li>
 *   <li>{@code satupintu.redirect-uri} — absolute, or a path resolved against the request's origin and
 *       context path; default {@code /satupintu/callback}. Its path is the callback path.</li>
 *   <li>{@code satupintu.scopes} — space or comma separated; default {@code openid profile}</li>
 *   <li>{@code satupintu.protected-paths} — comma separated servlet-style patterns ({@code /*},
 *       {@code /admin/*}, {@code *.jsp}, exact paths); default {@code /*}</li>
 *   <li>{@code satupintu.public-paths} — patterns left open inside the protected ones; default none</li>
 *   <li>{@code satupintu.role-claim} — default {@code roles}</li>
 *   <li>{@code satupintu.principal-claim} — default {@code sub}</li>
 *   <li>{@code satupintu.required-acr} — sent as {@code acr_values} and required in the ID token</li>
 *   <li>{@code satupintu.logout-path} — default {@code /satupintu/logout}</li>
 *   <li>{@code satupintu.post-logout-redirect-uri} — default {@code /} (must be registered at the provider)</li>
 *   <li>{@code satupintu.backchannel-logout-path} — default {@code /satupintu/backchannel-logout}</li>
 *   <li>{@code satupintu.frontchannel-logout-path} — default {@code /satupintu/frontchannel-logout}</li>
 *   <li>{@code satupintu.session-store} — {@code container} (default) or {@code redis}</li>
 *   <li>{@code satupintu.redis-uri} — Lettuce URI ({@code redis://}, {@code redis-sentinel://}) when the
 *       store is {@code redis}</li>
 *   <li>{@code satupintu.audiences} — access-token audiences a resource server accepts; default the client id</li>
 *   <li>{@code satupintu.refresh-ahead} — refresh the access token when it expires within this ISO-8601
 *       duration; default {@code PT30S}</li>
 *   <li>{@code satupintu.clock-skew} — ISO-8601 duration; default {@code PT60S}</li>
 *   <li>{@code satupintu.http-timeout} — ISO-8601 duration for calls to the provider; default {@code PT5S}</li>
 * </ul>
 */
public final class SatuPintuConfig {

    /** The properties file the adapters look for on the classpath or under {@code WEB-INF/}. */
    public static final String PROPERTIES_FILE = "satupintu.properties";

    private static final String PREFIX = "satupintu.";
    private static final List<String> KEYS = List.of("issuer", "client-id", "client-secret", "client-key",
            "client-key-id", "client-key-algorithm", "redirect-uri", "scopes", "protected-paths", "public-paths",
            "role-claim", "principal-claim", "required-acr", "logout-path", "post-logout-redirect-uri",
            "backchannel-logout-path", "frontchannel-logout-path", "session-store", "redis-uri", "audiences",
            "refresh-ahead", "clock-skew", "http-timeout");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Map<String, String> values;
    private final URI issuer;
    private final String clientId;
    private final ClientAuthentication clientAuthentication;
    private final String redirectUri;
    private final String callbackPath;
    private final List<String> scopes;
    private final List<String> protectedPaths;
    private final List<String> publicPaths;
    private final String requiredAcr;
    private final String postLogoutRedirectUri;
    private final String sessionStore;
    private final List<String> audiences;
    private final Duration refreshAhead;
    private final Duration clockSkew;
    private final Duration httpTimeout;

    private SatuPintuConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
        Reader reader = new Reader(this.values);
        issuer = reader.issuer();
        clientId = reader.required("client-id");
        clientAuthentication = reader.clientAuthentication();
        redirectUri = reader.uriOrPath("redirect-uri", "/satupintu/callback");
        callbackPath = pathOf(redirectUri);
        scopes = reader.scopes();
        protectedPaths = reader.patterns("protected-paths", "/*");
        publicPaths = reader.patterns("public-paths", "");
        requiredAcr = reader.optional("required-acr");
        postLogoutRedirectUri = reader.uriOrPath("post-logout-redirect-uri", "/");
        sessionStore = reader.sessionStore();
        List<String> configuredAudiences = reader.list("audiences", "");
        audiences = configuredAudiences.isEmpty() && clientId != null ? List.of(clientId) : configuredAudiences;
        refreshAhead = reader.duration("refresh-ahead", "PT30S", false);
        clockSkew = reader.duration("clock-skew", "PT60S", false);
        httpTimeout = reader.duration("http-timeout", "PT5S", true);
        for (String key : List.of("role-claim", "principal-claim")) {
            reader.nonBlank(key);
        }
        for (String key : List.of("logout-path", "backchannel-logout-path", "frontchannel-logout-path")) {
            reader.path(key);
        }
        reader.throwIfAnyProblem();
    }

    /**
     * @param file        the properties file's entries (may be empty)
     * @param environment environment variables ({@code System.getenv()})
     * @throws SatuPintuException {@link Failure#CONFIGURATION} naming every missing or malformed setting
     */
    public static SatuPintuConfig from(Properties file, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        file.stringPropertyNames().forEach(name -> merged.put(name, file.getProperty(name)));
        for (String key : KEYS) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                merged.put(PREFIX + key, value);
            }
        }
        return from(merged);
    }

    /** @param properties {@code satupintu.*} keys and values, as Spring binds them */
    public static SatuPintuConfig from(Map<String, String> properties) {
        Map<String, String> values = new HashMap<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && value != null && !value.isBlank()) {
                values.put(name, value.trim());
            }
        });
        return new SatuPintuConfig(values);
    }

    /** @return the environment variable for a key: {@code client-id} becomes {@code SATUPINTU_CLIENT_ID} */
    static String environmentName(String key) {
        return (PREFIX + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public URI issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** @return the client authentication, or null for a resource server that only verifies tokens */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /** @return the configured redirect URI, absolute or a path */
    public String redirectUri() {
        return redirectUri;
    }

    /** @return the path part of the redirect URI: where the adapter handles the callback */
    public String callbackPath() {
        return callbackPath;
    }

    /** @return the scopes, {@code openid} always first (OpenID Connect Core 1.0 §3.1.2.1) */
    public List<String> scopes() {
        return scopes;
    }

    public List<String> protectedPaths() {
        return protectedPaths;
    }

    public List<String> publicPaths() {
        return publicPaths;
    }

    public String roleClaim() {
        return values.getOrDefault(PREFIX + "role-claim", "roles");
    }

    public String principalClaim() {
        return values.getOrDefault(PREFIX + "principal-claim", "sub");
    }

    /** @return the required level of assurance, or null */
    public String requiredAcr() {
        return requiredAcr;
    }

    public String logoutPath() {
        return values.getOrDefault(PREFIX + "logout-path", "/satupintu/logout");
    }

    public String postLogoutRedirectUri() {
        return postLogoutRedirectUri;
    }

    public String backchannelLogoutPath() {
        return values.getOrDefault(PREFIX + "backchannel-logout-path", "/satupintu/backchannel-logout");
    }

    public String frontchannelLogoutPath() {
        return values.getOrDefault(PREFIX + "frontchannel-logout-path", "/satupintu/frontchannel-logout");
    }

    /** @return {@code container} or {@code redis} */
    public String sessionStore() {
        return sessionStore;
    }

    /** @return the Redis URI, or null */
    public String redisUri() {
        return values.get(PREFIX + "redis-uri");
    }

    public List<String> audiences() {
        return audiences;
    }

    public Duration refreshAhead() {
        return refreshAhead;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    /** Secrets are never printed. */
    @Override
    public String toString() {
        return "SatuPintuConfig[issuer=" + values.get("satupintu.issuer") + ", client-id="
                + values.get("satupintu.client-id") + "]";
    }

    private static String pathOf(String uriOrPath) {
        if (uriOrPath == null) {
            return null;
        }
        String path = URI.create(uriOrPath).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Reads and checks the values, collecting every problem so that one error names them all. */
    private static final class Reader {

        private final Map<String, String> values;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> values) {
            this.values = values;
        }

        String optional(String key) {
            return values.get(PREFIX + key);
        }

        String required(String key) {
            String value = optional(key);
            if (value == null) {
                problems.add(PREFIX + key + " is missing (environment: " + environmentName(key) + ")");
            }
            return value;
        }

        void nonBlank(String key) {
            String value = optional(key);
            if (value != null && value.contains(" ")) {
                problems.add(PREFIX + key + " must be one claim name, got '" + value + "'");
            }
        }

        /** OpenID Connect Discovery 1.0 §4.3 needs the issuer exact; TLS except on the loopback interface. */
        URI issuer() {
            String value = required("issuer");
            if (value == null) {
                return null;
            }
            try {
                // kept exactly as written: the provider's issuer must match it character for character
                URI uri = new URI(value);
                boolean secure = "https".equals(uri.getScheme())
                        || "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost());
                if (uri.getHost() == null || !secure || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    problems.add(PREFIX + "issuer must be an https URL without query or fragment"
                            + " (http only on localhost), got '" + value + "'");
                    return null;
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add(PREFIX + "issuer is not a URL: '" + value + "'");
                return null;
            }
        }

        ClientAuthentication clientAuthentication() {
            String secret = optional("client-secret");
            String keyFile = optional("client-key");
            if (secret != null && keyFile != null) {
                problems.add(PREFIX + "client-secret and " + PREFIX + "client-key are both set: choose one");
                return null;
            }
            if (secret != null) {
                return new ClientAuthentication.ClientSecret(secret);
            }
            if (keyFile == null) {
                return null;
            }
            String algorithm = values.getOrDefault(PREFIX + "client-key-algorithm", "RS256");
            if (!List.of("RS256", "PS256", "ES256").contains(algorithm)) {
                problems.add(PREFIX + "client-key-algorithm must be RS256, PS256 or ES256, got '" + algorithm + "'");
                return null;
            }
            PrivateKey key;
            try {
                key = PemPrivateKeys.read(Path.of(keyFile));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + "client-key: " + e.getMessage());
                return null;
            }
            boolean matches = algorithm.equals("ES256") ? key instanceof ECPrivateKey : key instanceof RSAPrivateKey;
            if (!matches) {
                problems.add(PREFIX + "client-key holds " + key.getAlgorithm() + " key, which cannot sign "
                        + algorithm + " (" + PREFIX + "client-key-algorithm)");
                return null;
            }
            return new ClientAuthentication.PrivateKeyJwt(key, optional("client-key-id"), algorithm);
        }

        String uriOrPath(String key, String defaultValue) {
            String value = values.getOrDefault(PREFIX + key, defaultValue);
            if (value.startsWith("/") && !value.startsWith("//")) {
                return value;
            }
            try {
                URI uri = new URI(value);
                if (uri.isAbsolute() && uri.getHost() != null
                        && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            problems.add(PREFIX + key + " must be an http(s) URL or a path starting with /, got '" + value + "'");
            return defaultValue;
        }

        void path(String key) {
            String value = optional(key);
            if (value != null && (!value.startsWith("/") || value.startsWith("//"))) {
                problems.add(PREFIX + key + " must be a path starting with /, got '" + value + "'");
            }
        }

        List<String> list(String key, String defaultValue) {
            String value = values.getOrDefault(PREFIX + key, defaultValue);
            return Arrays.stream(value.split("[\\s,]+")).filter(item -> !item.isEmpty()).toList();
        }

        List<String> scopes() {
            List<String> scopes = new ArrayList<>(list("scopes", "openid profile"));
            scopes.remove("openid");
            scopes.add(0, "openid");
            return List.copyOf(scopes);
        }

        /** Servlet URL patterns (Jakarta Servlet 6.0 §12.2): {@code /exact}, {@code /prefix/*}, {@code *.ext}. */
        List<String> patterns(String key, String defaultValue) {
            List<String> patterns = Arrays.stream(values.getOrDefault(PREFIX + key, defaultValue).split(","))
                    .map(String::trim).filter(item -> !item.isEmpty()).toList();
            for (String pattern : patterns) {
                boolean valid = pattern.startsWith("*.") ? !pattern.substring(2).contains("/")
                        : pattern.startsWith("/") && pattern.indexOf('*') == (pattern.endsWith("/*") ? pattern.length() - 1 : -1);
                if (!valid) {
                    problems.add(PREFIX + key + ": '" + pattern + "' is not a servlet pattern (/exact, /prefix/*, *.ext)");
                }
            }
            return patterns;
        }

        String sessionStore() {
            String store = values.getOrDefault(PREFIX + "session-store", "container");
            if (!store.equals("container") && !store.equals("redis")) {
                problems.add(PREFIX + "session-store must be container or redis, got '" + store + "'");
            } else if (store.equals("redis") && optional("redis-uri") == null) {
                problems.add(PREFIX + "redis-uri is missing (environment: " + environmentName("redis-uri")
                        + "); " + PREFIX + "session-store is redis");
            }
            return store;
        }

        Duration duration(String key, String defaultValue, boolean positive) {
            String value = values.getOrDefault(PREFIX + key, defaultValue);
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative() || positive && duration.isZero()) {
                    problems.add(PREFIX + key + " must be " + (positive ? "positive" : "zero or more") + ", got " + value);
                    return Duration.parse(defaultValue);
                }
                return duration;
            } catch (DateTimeParseException e) {
                problems.add(PREFIX + key + " must be an ISO-8601 duration such as PT30S, got '" + value + "'");
                return Duration.parse(defaultValue);
            }
        }

        void throwIfAnyProblem() {
            if (!problems.isEmpty()) {
                throw new SatuPintuException(Failure.CONFIGURATION,
                        "SatuPintu configuration: " + String.join("; ", problems));
            }
        }
    }
}
