package id.satupintu.sdk.javax;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import javax.servlet.FilterConfig;
import javax.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;

/**
 * Where the no-argument {@link SatuPintuFilter} finds its settings. Each source below overrides the ones
 * before it, from what is packaged inside the application to what the deployment supplies:
 * <ol>
 *   <li>{@code satupintu.properties} on the application's class path (e.g. {@code WEB-INF/classes})</li>
 *   <li>{@code WEB-INF/satupintu.properties}</li>
 *   <li>the filter's init-params named like the properties ({@code satupintu.issuer}, ...) in {@code web.xml}</li>
 *   <li>an external properties file, named by the context parameter {@value #CONFIG_FILE_PARAMETER}, else the
 *       system property {@value #CONFIG_FILE_PARAMETER}, else the environment variable
 *       {@value #CONFIG_FILE_VARIABLE} — so one WAR runs unchanged in every environment</li>
 *   <li>environment variables ({@code SATUPINTU_ISSUER}, ...), applied by {@link SatuPintuConfig#from}</li>
 * </ol>
 */
final class ConfigurationSources {

    /** Context parameter and system property naming an external properties file. */
    static final String CONFIG_FILE_PARAMETER = "satupintu.config";
    /** Environment variable naming an external properties file. */
    static final String CONFIG_FILE_VARIABLE = "SATUPINTU_CONFIG";
    static final String WEB_INF_FILE = "/WEB-INF/" + SatuPintuConfig.PROPERTIES_FILE;
    private static final String PREFIX = "satupintu.";

    private ConfigurationSources() {
    }

    /** @throws SatuPintuException {@link Failure#CONFIGURATION} when a named file is missing or unreadable */
    static SatuPintuConfig read(FilterConfig filterConfig, Map<String, String> environment) {
        ServletContext context = filterConfig.getServletContext();
        Properties merged = new Properties();
        URL onClassPath = classLoader(context).getResource(SatuPintuConfig.PROPERTIES_FILE);
        if (onClassPath != null) {
            load(merged, onClassPath, "class path " + SatuPintuConfig.PROPERTIES_FILE);
        }
        URL inWebInf = webInfFile(context);
        if (inWebInf != null) {
            load(merged, inWebInf, WEB_INF_FILE);
        }
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            if (name.startsWith(PREFIX)) {
                merged.setProperty(name, filterConfig.getInitParameter(name));
            }
        }
        String external = externalFile(context, environment);
        if (external != null) {
            loadFile(merged, Path.of(external));
        }
        return SatuPintuConfig.from(merged, environment);
    }

    /** @return whether any source could configure sign-on: what {@link SatuPintuInitializer} checks */
    static boolean present(ServletContext context, Map<String, String> environment) {
        return classLoader(context).getResource(SatuPintuConfig.PROPERTIES_FILE) != null
                || webInfFile(context) != null
                || externalFile(context, environment) != null
                || environment.get("SATUPINTU_ISSUER") != null;
    }

    static String externalFile(ServletContext context, Map<String, String> environment) {
        String fromContext = context.getInitParameter(CONFIG_FILE_PARAMETER);
        if (fromContext != null && !fromContext.isBlank()) {
            return fromContext.strip();
        }
        String fromSystem = System.getProperty(CONFIG_FILE_PARAMETER);
        if (fromSystem != null && !fromSystem.isBlank()) {
            return fromSystem.strip();
        }
        String fromEnvironment = environment.get(CONFIG_FILE_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    /** The application's class loader; containers may answer null outside a started application. */
    private static ClassLoader classLoader(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        return loader != null ? loader : Thread.currentThread().getContextClassLoader();
    }

    private static URL webInfFile(ServletContext context) {
        try {
            return context.getResource(WEB_INF_FILE);
        } catch (java.net.MalformedURLException e) {
            // a constant path: cannot happen, and no file is the honest answer if it did
            return null;
        }
    }

    private static void load(Properties into, URL url, String description) {
        try (InputStream in = url.openStream();
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
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
