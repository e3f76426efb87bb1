package id.satupintu.sdk.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code satupintu.*} settings as Spring binds them (from {@code application.properties}, YAML,
 * environment variables such as {@code SATUPINTU_CLIENT_ID}, ...). The SDK keys mean exactly what
 * {@link id.satupintu.sdk.SatuPintuConfig} documents; a blank or absent key keeps the SDK default.
 * The list-valued keys ({@code scopes}, {@code protected-paths}, {@code public-paths}, {@code audiences})
 * take comma-separated text or a YAML sequence. Only {@code browser-login.*} and {@code resource-server.*}
 * are the starter's own.
 *
 * @param browserLogin   the sign-on filter for browsers
 * @param resourceServer the bearer access-token filter for APIs
 */
@ConfigurationProperties(prefix = "satupintu")
public record SatuPintuProperties(
        String issuer,
        String clientId,
        String clientSecret,
        String clientKey,
        String clientKeyId,
        String clientKeyAlgorithm,
        String redirectUri,
        List<String> scopes,
        List<String> protectedPaths,
        List<String> publicPaths,
        String roleClaim,
        String principalClaim,
        String requiredAcr,
        String logoutPath,
        String postLogoutRedirectUri,
        String backchannelLogoutPath,
        String frontchannelLogoutPath,
        String sessionStore,
        String redisUri,
        List<String> audiences,
        String refreshAhead,
        String clockSkew,
        String httpTimeout,
        @DefaultValue BrowserLogin browserLogin,
        @DefaultValue ResourceServer resourceServer) {

    /** @param enabled false turns the browser sign-on filter off (for an application that is only an API) */
    public record BrowserLogin(@DefaultValue("true") boolean enabled) {
    }

    /**
     * @param enabled        true installs the bearer filter
     * @param paths          servlet URL patterns the bearer filter guards; default {@code /api/*}
     * @param requiredScopes scopes every token must carry on those paths; default none
     */
    public record ResourceServer(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("/api/*") List<String> paths,
            @DefaultValue List<String> requiredScopes) {
    }

    /**
     * @return the SDK keys with their {@code satupintu.} prefix, as {@link id.satupintu.sdk.SatuPintuConfig#from(Map)}
     *         takes them; absent and blank values are left out so the SDK applies its defaults
     */
    public Map<String, String> sdkSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        put(settings, "issuer", issuer);
        put(settings, "client-id", clientId);
        put(settings, "client-secret", clientSecret);
        put(settings, "client-key", clientKey);
        put(settings, "client-key-id", clientKeyId);
        put(settings, "client-key-algorithm", clientKeyAlgorithm);
        put(settings, "redirect-uri", redirectUri);
        put(settings, "scopes", joined(scopes));
        put(settings, "protected-paths", joined(protectedPaths));
        put(settings, "public-paths", joined(publicPaths));
        put(settings, "role-claim", roleClaim);
        put(settings, "principal-claim", principalClaim);
        put(settings, "required-acr", requiredAcr);
        put(settings, "logout-path", logoutPath);
        put(settings, "post-logout-redirect-uri", postLogoutRedirectUri);
        put(settings, "backchannel-logout-path", backchannelLogoutPath);
        put(settings, "frontchannel-logout-path", frontchannelLogoutPath);
        put(settings, "session-store", sessionStore);
        put(settings, "redis-uri", redisUri);
        put(settings, "audiences", joined(audiences));
        put(settings, "refresh-ahead", refreshAhead);
        put(settings, "clock-skew", clockSkew);
        put(settings, "http-timeout", httpTimeout);
        return settings;
    }

    /** Lists bind from YAML sequences and from comma-separated text alike; the SDK reads them comma-separated. */
    private static String joined(List<String> values) {
        return values == null ? null : String.join(",", values);
    }

    private static void put(Map<String, String> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.put("satupintu." + key, value.strip());
        }
    }

    /** Holds a secret: never printed. */
    @Override
    public String toString() {
        return "SatuPintuProperties[issuer=" + issuer + ", client-id=" + clientId + "]";
    }
}
