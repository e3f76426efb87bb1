package id.satupintu.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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

    private final Map<String, String> values;

    private SatuPintuConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * @param file        the properties file's entries (may be empty)
     * @param environment environment variables ({@code System.getenv()})
     * @throws SatuPintuException {@link Failure#CONFIGURATION} naming every missing or malformed setting
     */
    public static SatuPintuConfig from(Properties file, Map<String, String> environment) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @param properties {@code satupintu.*} keys and values, as Spring binds them */
    public static SatuPintuConfig from(Map<String, String> properties) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public URI issuer() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String clientId() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the client authentication, or null for a resource server that only verifies tokens */
    public ClientAuthentication clientAuthentication() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the configured redirect URI, absolute or a path */
    public String redirectUri() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the path part of the redirect URI: where the adapter handles the callback */
    public String callbackPath() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public List<String> scopes() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public List<String> protectedPaths() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public List<String> publicPaths() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String roleClaim() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String principalClaim() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the required level of assurance, or null */
    public String requiredAcr() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String logoutPath() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String postLogoutRedirectUri() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String backchannelLogoutPath() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String frontchannelLogoutPath() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return {@code container} or {@code redis} */
    public String sessionStore() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the Redis URI, or null */
    public String redisUri() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public List<String> audiences() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public Duration refreshAhead() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public Duration clockSkew() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public Duration httpTimeout() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** Secrets are never printed. */
    @Override
    public String toString() {
        return "SatuPintuConfig[issuer=" + values.get("satupintu.issuer") + ", client-id="
                + values.get("satupintu.client-id") + "]";
    }
}
