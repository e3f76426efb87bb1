package id.satupintu.sdk.jakarta;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts sign-on with no {@code web.xml} entry (Jakarta Servlet 5.0 §8.2.4, shared libraries and runtime
 * pluggability): when the application carries a {@code satupintu.properties} (under {@code WEB-INF/} or on
 * its class path), or the deployment names one or sets {@code SATUPINTU_ISSUER}, it registers
 * {@link SatuPintuFilter} for {@code /*} ahead of the application's own filters. An application that declares
 * the filter in {@code web.xml} keeps its declaration and gets no second one.
 */
public final class SatuPintuInitializer implements ServletContainerInitializer {

    /** The registered filter's name. */
    public static final String FILTER_NAME = "SatuPintuFilter";

    private static final Logger log = LoggerFactory.getLogger(SatuPintuInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        register(context, System.getenv());
    }

    /** @return whether the filter was registered */
    static boolean register(ServletContext context, Map<String, String> environment) {
        if (declaredAlready(context)) {
            log.debug("SatuPintuFilter declared by the application at '{}': not registering another",
                    context.getContextPath());
            hardenSessionCookie(context);
            return false;
        }
        if (!ConfigurationSources.present(context, environment)) {
            return false;
        }
        hardenSessionCookie(context);
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, new SatuPintuFilter(environment));
        if (filter == null) {
            // the name is taken by something that is not ours: leave the application's setup alone
            log.warn("a filter named {} exists at '{}': SatuPintu sign-on not registered", FILTER_NAME,
                    context.getContextPath());
            return false;
        }
        filter.setAsyncSupported(true);
        // isMatchAfter=false puts it before every filter web.xml declares: sign-on first, as the application
        // filters may rely on getRemoteUser()
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        log.info("SatuPintu sign-on registered for '{}'", context.getContextPath());
        return true;
    }

    /**
     * The container session holds the sign-in, so its cookie must not be readable by scripts. Tomcat sets
     * HttpOnly by default, Jetty does not; only an initializer may still change it (Servlet §4.4.1).
     */
    private static void hardenSessionCookie(ServletContext context) {
        try {
            context.getSessionCookieConfig().setHttpOnly(true);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // a container that already fixed its cookie configuration: keep what it has, and say so
            log.warn("could not make the session cookie of '{}' HttpOnly: {}", context.getContextPath(), e.toString());
        }
    }

    private static boolean declaredAlready(ServletContext context) {
        for (Map.Entry<String, ? extends FilterRegistration> registration
                : context.getFilterRegistrations().entrySet()) {
            if (SatuPintuFilter.class.getName().equals(registration.getValue().getClassName())) {
                return true;
            }
        }
        return false;
    }
}
