package id.satupintu.sdk.javax;

import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.web.LayeredConfiguration;
import javax.servlet.FilterConfig;
import javax.servlet.ServletContext;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Gathers the no-argument {@link SatuPintuFilter}'s settings from the servlet API; the order in which they
 * override each other is {@link LayeredConfiguration}'s.
 */
final class ConfigurationSources {

    private ConfigurationSources() {
    }

    /** @throws SatuPintuException when a named file is missing or unreadable, or a setting is missing */
    static SatuPintuConfig read(FilterConfig filterConfig, Map<String, String> environment) {
        ServletContext context = filterConfig.getServletContext();
        Map<String, String> initParameters = new HashMap<>();
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            initParameters.put(name, filterConfig.getInitParameter(name));
        }
        return LayeredConfiguration.read(onClassPath(context), webInfFile(context), initParameters,
                externalFile(context, environment), environment);
    }

    /** @return whether any source could configure sign-on: what {@link SatuPintuInitializer} checks */
    static boolean present(ServletContext context, Map<String, String> environment) {
        return LayeredConfiguration.present(onClassPath(context), webInfFile(context),
                externalFile(context, environment), environment);
    }

    private static String externalFile(ServletContext context, Map<String, String> environment) {
        return LayeredConfiguration.externalFile(
                context.getInitParameter(LayeredConfiguration.CONFIG_FILE_PARAMETER), environment);
    }

    /** Looked up through the application's class loader; containers may answer null outside a started one. */
    private static URL onClassPath(ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        return (loader != null ? loader : Thread.currentThread().getContextClassLoader())
                .getResource(SatuPintuConfig.PROPERTIES_FILE);
    }

    private static URL webInfFile(ServletContext context) {
        try {
            return context.getResource(LayeredConfiguration.WEB_INF_FILE);
        } catch (MalformedURLException e) {
            // a constant path: cannot happen, and no file is the honest answer if it did
            return null;
        }
    }
}
