package id.satupintu.sdk.javax;

import javax.servlet.FilterChain;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpFilter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real embedded Tomcat with one small application: a servlet on {@code /*} that prints
 * {@code getRemoteUser()}, the adapter's initializer (with a given environment instead of the process's),
 * and optionally files under {@code WEB-INF/}, context parameters and a {@code web.xml}-style declaration of
 * the filter.
 */
final class TestApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Tomcat tomcat;
    private final Context context;
    private final Path docBase;

    private TestApp(Tomcat tomcat, Context context, Path docBase) {
        this.tomcat = tomcat;
        this.context = context;
        this.docBase = docBase;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, String> webInfFiles = new LinkedHashMap<>();
        private final Map<String, String> contextParameters = new LinkedHashMap<>();
        private Map<String, String> environment = Map.of();
        private boolean declareFilter;
        private boolean initializer = true;
        private boolean httpOnlySessionCookie = true;
        private boolean applicationFilter;

        Builder webInfFile(String name, String content) {
            webInfFiles.put(name, content);
            return this;
        }

        Builder contextParameter(String name, String value) {
            contextParameters.put(name, value);
            return this;
        }

        Builder environment(Map<String, String> variables) {
            environment = variables;
            return this;
        }

        /** Declares the filter as {@code web.xml} would, before the initializers run. */
        Builder declareFilter() {
            declareFilter = true;
            return this;
        }

        /** Adds the application's own filter on {@code /*}, declared as web.xml would, answering by itself. */
        Builder applicationFilter() {
            applicationFilter = true;
            return this;
        }

        /** Starts from a session cookie scripts can read (Jetty's default; Tomcat's is HttpOnly). */
        Builder scriptReadableSessionCookie() {
            httpOnlySessionCookie = false;
            return this;
        }

        /** Leaves the initializer out: for reading configuration that would fail the filter's start. */
        Builder withoutInitializer() {
            initializer = false;
            return this;
        }

        TestApp start() throws IOException, LifecycleException {
            Path docBase = Files.createTempDirectory("satupintu-app-");
            Files.createDirectories(docBase.resolve("WEB-INF"));
            for (Map.Entry<String, String> file : webInfFiles.entrySet()) {
                Files.writeString(docBase.resolve("WEB-INF").resolve(file.getKey()), file.getValue());
            }
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(docBase.resolveSibling(docBase.getFileName() + "-tomcat").toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context context = tomcat.addContext("/app", docBase.toString());
            contextParameters.forEach(context::addParameter);
            context.setUseHttpOnly(httpOnlySessionCookie);
            if (declareFilter) {
                FilterDef def = new FilterDef();
                def.setFilterName("sso-from-web-xml");
                def.setFilterClass(SatuPintuFilter.class.getName());
                context.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName("sso-from-web-xml");
                map.addURLPattern("/*");
                context.addFilterMap(map);
            }
            if (applicationFilter) {
                FilterDef def = new FilterDef();
                def.setFilterName("application-filter");
                def.setFilter(new ApplicationFilter());
                def.setFilterClass(ApplicationFilter.class.getName());
                context.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName("application-filter");
                map.addURLPattern("/*");
                context.addFilterMap(map);
            }
            Map<String, String> environment = this.environment;
            if (initializer) {
                context.addServletContainerInitializer(
                        (classes, servletContext) -> SatuPintuInitializer.register(servletContext, environment), null);
            }
            Tomcat.addServlet(context, "echo", new EchoServlet());
            context.addServletMappingDecoded("/*", "echo");
            tomcat.start();
            return new TestApp(tomcat, context, docBase);
        }
    }

    ServletContext servletContext() {
        return context.getServletContext();
    }

    boolean available() {
        return context.getState().isAvailable();
    }

    HttpResponse<String> get(String path, String accept) {
        URI uri = URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/app" + path);
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws LifecycleException, IOException {
        tomcat.stop();
        tomcat.destroy();
        for (Path folder : new Path[] {docBase, docBase.resolveSibling(docBase.getFileName() + "-tomcat")}) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An application filter that answers every request itself, without calling the chain. */
    static final class ApplicationFilter extends HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("application filter; user=" + request.getRemoteUser());
        }
    }

    /** The application: knows nothing of sign-on, prints who the servlet API says is signed in. */
    static final class EchoServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("user=" + request.getRemoteUser());
        }
    }
}
