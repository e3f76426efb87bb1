package id.satupintu.sdk.gateway;

import id.satupintu.sdk.SatuPintuConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The gateway's settings: one properties file ({@code --config FILE}, else the file named by the
 * environment variable {@code SATUPINTU_CONFIG}, else none) and environment variables, which win over the
 * file — the same rule as {@link SatuPintuConfig#from(Properties, Map)}.
 *
 * <ul>
 *   <li>{@code gateway.upstream} [GATEWAY_UPSTREAM] — required: the http(s) URL of the application behind
 *       the gateway; the request path is appended to it</li>
 *   <li>{@code gateway.listen-port} [GATEWAY_LISTEN_PORT] — default 8080; 0 picks a free port</li>
 *   <li>{@code gateway.listen-host} [GATEWAY_LISTEN_HOST] — default {@code 0.0.0.0} (every interface)</li>
 *   <li>{@code gateway.trust-forwarded-headers} [GATEWAY_TRUST_FORWARDED_HEADERS] — default {@code false};
 *       {@code true} only behind a reverse proxy or load balancer that sets {@code Forwarded} /
 *       {@code X-Forwarded-*} itself (RFC 7239): then the gateway takes scheme, host and client address from
 *       them (for its redirect URI and Secure cookies) and passes them on; otherwise it drops any a client sent</li>
 *   <li>every {@code satupintu.*} key of {@link SatuPintuConfig}</li>
 * </ul>
 *
 * @param trustForwardedHeaders whether {@code Forwarded} / {@code X-Forwarded-*} come from a trusted proxy
 * @param sso the sign-on settings for the Jakarta filter in front of the proxy
 */
public record GatewaySettings(String listenHost, int listenPort, URI upstream, boolean trustForwardedHeaders,
                              SatuPintuConfig sso) {

    public static final String CONFIG_ENVIRONMENT_VARIABLE = "SATUPINTU_CONFIG";

    /**
     * @param args        the command line: nothing, or {@code --config FILE}
     * @param environment {@code System.getenv()}
     * @throws GatewayConfigurationException for anything the gateway itself checks
     * @throws id.satupintu.sdk.SatuPintuException {@link id.satupintu.sdk.Failure#CONFIGURATION} for the
     *         {@code satupintu.*} keys
     */
    public static GatewaySettings load(String[] args, Map<String, String> environment) {
        Path file = configFile(args, environment);
        Properties properties = file == null ? new Properties() : read(file);
        List<String> problems = new ArrayList<>();
        String host = setting(properties, environment, "gateway.listen-host", "0.0.0.0");
        int port = port(setting(properties, environment, "gateway.listen-port", "8080"), problems);
        URI upstream = upstream(setting(properties, environment, "gateway.upstream", null), problems);
        boolean trustForwarded = flag("gateway.trust-forwarded-headers",
                setting(properties, environment, "gateway.trust-forwarded-headers", "false"), problems);
        if (!problems.isEmpty()) {
            throw new GatewayConfigurationException(String.join("; ", problems));
        }
        return new GatewaySettings(host, port, upstream, trustForwarded, SatuPintuConfig.from(properties, environment));
    }

    static Path configFile(String[] args, Map<String, String> environment) {
        if (args.length == 2 && (args[0].equals("--config") || args[0].equals("-config"))) {
            return Path.of(args[1]);
        }
        if (args.length == 1 && args[0].startsWith("--config=")) {
            return Path.of(args[0].substring("--config=".length()));
        }
        if (args.length != 0) {
            throw new GatewayConfigurationException("usage: java -jar satupintu-sso-gateway.jar [--config gateway.properties]");
        }
        String fromEnvironment = environment.get(CONFIG_ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new GatewayConfigurationException("configuration file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new GatewayConfigurationException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return properties;
    }

    /** The environment variable name follows the SDK's rule: upper case, {@code .} and {@code -} become {@code _}. */
    static String setting(Properties file, Map<String, String> environment, String key, String fallback) {
        String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            value = file.getProperty(key);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static boolean flag(String key, String value, List<String> problems) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(key + " must be true or false, not '" + value + "'");
        return false;
    }

    private static int port(String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("gateway.listen-port must be a port number from 0 to 65535, not '" + value + "'");
        return -1;
    }

    private static URI upstream(String value, List<String> problems) {
        if (value == null) {
            problems.add("gateway.upstream is required (the URL of the application behind the gateway, e.g. http://127.0.0.1:8000)");
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add("gateway.upstream must be an http or https URL without query, fragment or credentials, not '" + value + "'");
        return null;
    }
}
