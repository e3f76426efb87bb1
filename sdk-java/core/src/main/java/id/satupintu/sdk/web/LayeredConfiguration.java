package id.satupintu.sdk.web;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The order in which a web application's sign-on settings override each other, the same for every
 * servlet adapter (each only gathers the sources from its own servlet API). Later sources win, from
 * what is packaged inside the application to what the deployment supplies:
 * <ol>
 *   <li>{@code satupintu.properties} on the application's class path (e.g. {@code WEB-INF/classes})</li>
 *   <li>{@code WEB-INF/satupintu.properties}</li>
 *   <li>the filter's init-params named like the properties ({@code satupintu.issuer}, ...)</li>
 *   <li>an external properties file, named by the context parameter {@value #CONFIG_FILE_PARAMETER}, else
 *       the system property {@value #CONFIG_FILE_PARAMETER}, else the environment variable
 *       {@value #CONFIG_FILE_VARIABLE} — so one WAR runs unchanged in every environment</li>
 *   <li>environment variables ({@code SATUPINTU_ISSUER}, ...), applied by {@link SatuPintuConfig#from}</li>
 * </ol>
 */
public final class LayeredConfiguration {

    /** Context parameter and system property naming an external properties file. */
    public static final String CONFIG_FILE_PARAMETER = "satupintu.config";
    /** Environment variable naming an external properties file. */
    public static final String CONFIG_FILE_VARIABLE = "SATUPINTU_CONFIG";
    /** The application's own file, as a servlet-context resource path. */
    public static final String WEB_INF_FILE = "/WEB-INF/" + SatuPintuConfig.PROPERTIES_FILE;
    private static final String PREFIX = "satupintu.";

    private LayeredConfiguration() {
    }

    /**
     * @param onClassPath    the class-path file, or null
     * @param inWebInf       the {@code WEB-INF} file, or null
     * @param initParameters the filter's init-params (only {@code satupintu.*} names are used)
     * @param externalFile   the external file's path ({@link #externalFile}), or null
     * @throws SatuPintuException {@link Failure#CONFIGURATION} when a named file is missing or unreadable, or
     *         the merged settings are incomplete
     */
    public static SatuPintuConfig read(URL onClassPath, URL inWebInf, Map<String, String> initParameters,
                                       String externalFile, Map<String, String> environment) {
        Properties merged = new Properties();
        if (onClassPath != null) {
            load(merged, onClassPath, "class path " + SatuPintuConfig.PROPERTIES_FILE);
        }
        if (inWebInf != null) {
            load(merged, inWebInf, WEB_INF_FILE);
        }
        initParameters.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && value != null) {
                merged.setProperty(name, value);
            }
        });
        if (externalFile != null) {
            loadFile(merged, Path.of(externalFile));
        }
        return SatuPintuConfig.from(merged, environment);
    }

    /** @return whether any source could configure sign-on (what the container initializers check) */
    public static boolean present(URL onClassPath, URL inWebInf, String externalFile, Map<String, String> environment) {
        return onClassPath != null || inWebInf != null || externalFile != null
                || environment.get("SATUPINTU_ISSUER") != null;
    }

    /**
     * @param contextParameter the servlet context's {@value #CONFIG_FILE_PARAMETER} init parameter, or null
     * @return the external file's path: context parameter, else system property, else environment; or null
     */
    public static String externalFile(String contextParameter, Map<String, String> environment) {
        if (contextParameter != null && !contextParameter.isBlank()) {
            return contextParameter.strip();
        }
        String fromSystem = System.getProperty(CONFIG_FILE_PARAMETER);
        if (fromSystem != null && !fromSystem.isBlank()) {
            return fromSystem.strip();
        }
        String fromEnvironment = environment.get(CONFIG_FILE_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    private static void load(Properties into, URL url, String description) {
        try (InputStream in = url.openStream();
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SatuPintuException(Failure.CONFIGURATION,
                    "cannot read " + description + ": " + e.getMessage(), e);
        }
    }

    private static void loadFile(Properties into, Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            into.load(reader);
        } catch (NoSuchFileException e) {
            throw new SatuPintuException(Failure.CONFIGURATION, CONFIG_FILE_PARAMETER + " / " + CONFIG_FILE_VARIABLE
                    + " names " + file + ", which does not exist", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SatuPintuException(Failure.CONFIGURATION, "cannot read " + file + " (named by "
                    + CONFIG_FILE_PARAMETER + " / " + CONFIG_FILE_VARIABLE + "): " + e.getMessage(), e);
        }
    }
}
