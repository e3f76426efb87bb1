package id.satupintu.conformance.sdk.harness;

import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What every SDK interop test does around a sample application: find the WAR the reactor built, register
 * the application at the provider by dynamic registration (RFC 7591; OpenID Connect Back-Channel Logout 1.0
 * §2.2 for {@code backchannel_logout_uri}), and write the deployment's {@code satupintu.properties}.
 */
public final class SdkApps {

    /** The SDK's default paths (see {@code SatuPintuConfig}); the samples keep them. */
    public static final String CALLBACK_PATH = "/satupintu/callback";
    public static final String LOGOUT_PATH = "/satupintu/logout";
    public static final String BACKCHANNEL_LOGOUT_PATH = "/satupintu/backchannel-logout";
    /** Where the samples' {@code satupintu.post-logout-redirect-uri} sends the browser after sign-out. */
    public static final String SIGNED_OUT_PATH = "/public/signed-out";

    private SdkApps() {
    }

    /**
     * @param name the sample's folder under {@code sdk-java/samples}, e.g. {@code jakarta-war}
     * @return the WAR the reactor built (the samples are this module's test dependencies, so they come first)
     */
    public static Path war(String name) {
        Path war = Path.of("..", "sdk-java", "samples", name, "target", name + ".war").toAbsolutePath().normalize();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: package the samples first, e.g. ./mvnw -pl "
                    + "conformance-tests -am verify -DskipITs");
        }
        return war;
    }

    /**
     * Registers a confidential client for an application at {@code appBase} with its callback, post-logout
     * and back-channel logout URIs, refresh tokens and {@code offline_access}.
     */
    public static TestClient register(Harness harness, URI appBase) {
        return harness.clients().register(ClientSpec.confidential()
                .redirectUris(appBase + CALLBACK_PATH)
                .postLogoutRedirectUris(appBase + SIGNED_OUT_PATH)
                .set("backchannel_logout_uri", appBase + BACKCHANNEL_LOGOUT_PATH)
                .set("backchannel_logout_session_required", true)
                .set("grant_types", List.of("authorization_code", "refresh_token")));
    }

    /** @return the settings that connect an application to the harness's provider as {@code client} */
    public static Map<String, String> settings(Harness harness, TestClient client) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("satupintu.issuer", harness.server().issuer().toString());
        settings.put("satupintu.client-id", client.clientId());
        settings.put("satupintu.client-secret", client.clientSecret());
        return settings;
    }

    /**
     * Writes a deployment's properties file, to be named by the context parameter {@code satupintu.config}
     * (or {@code SATUPINTU_CONFIG}); it overrides the WAR's own file.
     */
    public static Path configFile(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        try {
            Path file = Files.createTempFile("satupintu-", ".properties");
            file.toFile().deleteOnExit();
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "written by a conformance test");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the context parameters that point an application at {@code configFile} */
    public static Map<String, String> configParameter(Path configFile) {
        return Map.of("satupintu.config", configFile.toAbsolutePath().toString());
    }
}
