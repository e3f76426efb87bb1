package id.satupintu.conformance.sdk.harness;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * A real Tomcat (9.0 for javax WARs, 10.1 for Jakarta WARs) in this JVM but in its own class loader, because
 * the conformance JVM already carries Tomcat 11 (the idp-server's) and the two cannot share a class path. The
 * container's jars are copied by the build to {@code target/containers/<version>/} (never test dependencies),
 * loaded by a {@link URLClassLoader} whose parent is the platform class loader, and driven through
 * {@code org.apache.catalina.startup.Tomcat} by reflection. Listens on 127.0.0.1 (not {@code localhost}, where
 * the provider runs: browsers do not separate cookies by port) on a free port.
 *
 * <p>Start one per test class: {@link #start}, then {@link #deploy} one or more WARs at context paths (the
 * port is known before deployment, so a test can register the application's redirect URIs first), then
 * {@link #close}.
 */
public final class IsolatedTomcat implements ServletContainer {

    /** The container versions the build copies; each names a folder under {@code target/containers/}. */
    public enum Version {
        /** javax.servlet 4.0 */
        TOMCAT_9("tomcat9"),
        /** jakarta.servlet 6.0 (runs Servlet 5.0 applications) */
        TOMCAT_10("tomcat10");

        private final String folder;

        Version(String folder) {
            this.folder = folder;
        }
    }

    private static final String HOST = "127.0.0.1";

    private final URLClassLoader loader;
    private final Object tomcat;
    private final int port;
    private final Path baseDir;

    private IsolatedTomcat(URLClassLoader loader, Object tomcat, int port, Path baseDir) {
        this.loader = loader;
        this.tomcat = tomcat;
        this.port = port;
        this.baseDir = baseDir;
    }

    /** Starts an empty container on 127.0.0.1 and a free port. */
    public static IsolatedTomcat start(Version version) {
        URLClassLoader loader = new URLClassLoader("isolated-" + version.folder, jars(version),
                ClassLoader.getPlatformClassLoader());
        try {
            Path baseDir = Files.createTempDirectory("sdk-" + version.folder + "-");
            Object tomcat = withLoader(loader, () -> {
                // the JVM has one URL stream handler factory and the provider's Tomcat 11 already set it;
                // without this each context start fails with "factory already defined"
                loader.loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory")
                        .getMethod("disable").invoke(null);
                Class<?> tomcatClass = loader.loadClass("org.apache.catalina.startup.Tomcat");
                Object instance = tomcatClass.getConstructor().newInstance();
                call(instance, "setBaseDir", baseDir.toString());
                call(instance, "setHostname", HOST);
                call(instance, "setPort", 0);
                Object connector = call(instance, "getConnector");
                call(connector, "setProperty", "address", HOST);
                // without this the applications' parent would be the system class loader: this JVM's class
                // path with Tomcat 11's servlet API, which the WAR's classes would then link against
                call(call(instance, "getServer"), "setParentClassLoader", loader);
                // the host is created on first use: before start, so that it is the engine's default host
                call(instance, "getHost");
                Files.createDirectories(baseDir.resolve("webapps"));
                call(instance, "start");
                return instance;
            });
            int port = (int) withLoader(loader, () -> call(call(tomcat, "getConnector"), "getLocalPort"));
            return new IsolatedTomcat(loader, tomcat, port, baseDir);
        } catch (Exception e) {
            closeQuietly(loader);
            throw new IllegalStateException(version + " did not start: " + e, e);
        }
    }

    /**
     * Puts Tomcat's {@code RemoteIpValve} in front of every application, as a deployment behind a TLS-terminating
     * proxy on loopback would: requests from 127.0.0.1 then carry the scheme of {@code X-Forwarded-Proto}.
     */
    public IsolatedTomcat trustLoopbackProxy() {
        try {
            withLoader(loader, () -> {
                Object valve = loader.loadClass("org.apache.catalina.valves.RemoteIpValve").getConstructor().newInstance();
                call(valve, "setProtocolHeader", "X-Forwarded-Proto");
                Object pipeline = call(call(tomcat, "getEngine"), "getPipeline");
                pipeline.getClass().getMethod("addValve", loader.loadClass("org.apache.catalina.Valve"))
                        .invoke(pipeline, valve);
                return null;
            });
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("RemoteIpValve not added: " + e, e);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public URI origin() {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** A context whose start fails stays deployed but unavailable. */
    @Override
    public AppDeployment deploy(String contextPath, Path war, Map<String, String> contextParameters) {
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("no WAR at " + war.toAbsolutePath() + ": build the samples first");
        }
        try {
            Object context = withLoader(loader, () -> createContext(contextPath, war, contextParameters));
            return new Deployment(context, contextPath);
        } catch (Exception e) {
            throw new IllegalStateException("deploying " + war.getFileName() + " at " + contextPath + " failed: " + e, e);
        }
    }

    /**
     * Builds the context the way {@code Tomcat#addWebapp} does (default servlet, web.xml and annotation
     * processing), but with the context parameters added before the host starts it: adding a child to a
     * started host starts it at once.
     */
    private Object createContext(String contextPath, Path war, Map<String, String> parameters) throws Exception {
        Object context = loader.loadClass("org.apache.catalina.core.StandardContext").getConstructor().newInstance();
        call(context, "setName", contextPath);
        call(context, "setPath", contextPath);
        call(context, "setDocBase", war.toString());
        // the WAR's own jars are all there is to scan: this JVM's class path (the provider's) is not the
        // application's, and scanning it costs seconds per deployment
        Object jarScanner = call(context, "getJarScanner");
        call(jarScanner, "setScanClassPath", false);
        call(jarScanner, "setScanManifest", false);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            call(context, "addParameter", parameter.getKey(), parameter.getValue());
        }
        Object contextConfig = loader.loadClass("org.apache.catalina.startup.ContextConfig")
                .getConstructor().newInstance();
        call(context, "addLifecycleListener", call(tomcat, "getDefaultWebXmlListener"));
        call(context, "addLifecycleListener", contextConfig);
        call(contextConfig, "setDefaultWebXml", call(tomcat, "noDefaultWebXmlPath"));
        call(call(tomcat, "getHost"), "addChild", context);
        return context;
    }

    /** A deployed context. */
    private final class Deployment implements AppDeployment {

        private final Object context;
        private final String contextPath;

        private Deployment(Object context, String contextPath) {
            this.context = context;
            this.contextPath = contextPath;
        }

        @Override
        public URI base() {
            return URI.create(origin() + contextPath);
        }

        @Override
        public boolean available() {
            try {
                return (boolean) withLoader(loader, () -> call(call(context, "getState"), "isAvailable"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            withLoader(loader, () -> {
                call(tomcat, "stop");
                call(tomcat, "destroy");
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Tomcat did not stop: " + e, e);
        } finally {
            closeQuietly(loader);
            deleteQuietly(baseDir);
        }
    }

    private static URL[] jars(Version version) {
        Path folder = Path.of("target", "containers", version.folder);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + folder.toAbsolutePath());
            }
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (IOException e) {
            throw new IllegalStateException(folder.toAbsolutePath()
                    + " is missing: the build copies the container there (maven-dependency-plugin, process-test-resources)", e);
        }
    }

    /**
     * Runs with the container's class loader as the thread's context loader: Tomcat looks up services
     * (logging, initializers) through it, and this thread's own loader holds Tomcat 11.
     */
    private static Object withLoader(ClassLoader loader, Callable<Object> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Calls the public method of that name whose parameter count matches, boxing primitives as needed. */
    private static Object call(Object target, String name, Object... arguments) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length
                    && accepts(method.getParameterTypes(), arguments)) {
                return method.invoke(target, arguments);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "#" + name + "/" + arguments.length);
    }

    private static boolean accepts(Class<?>[] types, Object[] arguments) {
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i].isPrimitive() ? boxed(types[i]) : types[i];
            if (arguments[i] != null && !type.isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        return primitive;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // only open jar handles are at stake in a test JVM
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
