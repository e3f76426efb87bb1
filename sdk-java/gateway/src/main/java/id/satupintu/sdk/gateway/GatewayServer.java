package id.satupintu.sdk.gateway;

import id.satupintu.sdk.jakarta.SatuPintuFilter;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The running gateway: one Jetty server whose only context sends every request through the Jakarta
 * adapter's {@link SatuPintuFilter} and then the {@link IdentityProxyServlet}. The adapter answers the
 * sign-on paths itself (callback, logout, back-channel and front-channel logout), so those never reach
 * the upstream application.
 */
public final class GatewayServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private GatewayServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** @throws Exception when the port cannot be bound or the sign-on filter refuses its configuration */
    public static GatewayServer start(GatewaySettings settings) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (settings.trustForwardedHeaders()) {
            // behind a TLS-terminating proxy: the browser's scheme and host are in Forwarded / X-Forwarded-*
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.listenHost());
        connector.setPort(settings.listenPort());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        SessionHandler sessions = context.getSessionHandler();
        sessions.setSessionCookie(GatewayCookies.SESSION_COOKIE);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);

        FilterHolder sso = new FilterHolder(new SatuPintuFilter(settings.sso()));
        sso.setName("satupintu");
        // the proxy servlet is asynchronous, so every filter before it must allow async processing
        sso.setAsyncSupported(true);
        context.addFilter(sso, "/*", EnumSet.of(DispatcherType.REQUEST));

        ServletHolder proxy = new ServletHolder("upstream", new IdentityProxyServlet(settings.upstream(),
                settings.trustForwardedHeaders()));
        proxy.setAsyncSupported(true);
        context.addServlet(proxy, "/*");

        server.setHandler(context);
        server.setStopAtShutdown(true);
        // a failed start stops the server again; do not make the operator wait half a minute for the message
        server.setStopTimeout(2000);
        try {
            server.start();
            // a filter whose init failed must stop the start, not leave a gateway that answers 503 forever
            if (!context.isAvailable()) {
                throw new IllegalStateException("the sign-on filter did not start");
            }
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new GatewayServer(server, connector);
    }

    /** @return the bound port (useful with {@code gateway.listen-port=0}) */
    public int port() {
        return connector.getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
