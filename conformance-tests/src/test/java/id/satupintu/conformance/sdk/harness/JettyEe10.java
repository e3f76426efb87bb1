package id.satupintu.conformance.sdk.harness;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * A real Jetty 12 (ee10, Jakarta Servlet 6.0) in this JVM, on 127.0.0.1 and a free port. Unlike Tomcat 9 and
 * 10.1 it needs no class-loader isolation: its classes do not clash with the provider's Tomcat 11, and each
 * WAR gets Jetty's own web-application class loader. Annotation scanning is on (the {@code jetty-ee10-annotations}
 * module on the class path is discovered), so a WAR without {@code web.xml} works, as on Tomcat.
 */
public final class JettyEe10 implements ServletContainer {

    private static final String HOST = "127.0.0.1";

    private final Server server;
    private final ContextHandlerCollection contexts;
    private final int port;

    private JettyEe10(Server server, ContextHandlerCollection contexts, int port) {
        this.server = server;
        this.contexts = contexts;
        this.port = port;
    }

    public static JettyEe10 start() {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(HOST);
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        server.setHandler(contexts);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start: " + e, e);
        }
        return new JettyEe10(server, contexts, connector.getLocalPort());
    }

    @Override
    public URI origin() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public AppDeployment deploy(String contextPath, Path war, Map<String, String> contextParameters) {
        if (!Files.isRegularFile(war)) {
            throw new IllegalArgumentException("no WAR at " + war.toAbsolutePath() + ": build the samples first");
        }
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(contextPath);
        webapp.setWar(war.toString());
        contextParameters.forEach(webapp::setInitParameter);
        // report a failed start through isAvailable(), as Tomcat does, instead of throwing
        webapp.setThrowUnavailableOnStartupException(false);
        contexts.addHandler(webapp);
        try {
            webapp.start();
        } catch (Exception e) {
            throw new IllegalStateException("deploying " + war.getFileName() + " at " + contextPath + " failed: " + e, e);
        }
        return new AppDeployment() {
            @Override
            public URI base() {
                return URI.create(origin() + contextPath);
            }

            @Override
            public boolean available() {
                return webapp.isAvailable();
            }
        };
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop: " + e, e);
        }
    }
}
