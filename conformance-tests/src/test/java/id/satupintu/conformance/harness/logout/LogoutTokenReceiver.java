package id.satupintu.conformance.harness.logout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A relying party's back-channel logout endpoint (OIDC Back-Channel Logout 1.0 §2.5) for the tests: a
 * JDK HTTP server on 127.0.0.1 (a host other than the provider's {@code localhost}, so no cookie mixes)
 * on a free port, recording every POSTed {@code logout_token} and answering with a status the test
 * chooses (200 by default; an error status to play an RP that refuses, §2.8).
 */
public final class LogoutTokenReceiver implements AutoCloseable {

    private static final String PATH = "/backchannel-logout";

    /** One POST as it arrived. */
    public record Received(String contentType, String logoutToken) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile int status = 200;

    public LogoutTokenReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** @return the endpoint to register as {@code backchannel_logout_uri} */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Answers every later POST with {@code httpStatus}. */
    public LogoutTokenReceiver answering(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    /** @return what arrived so far */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} POSTs arrived or {@code timeout} passed; returns what arrived. */
    public List<Received> awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received().size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String form = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
            String token = null;
            for (String pair : form.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals("logout_token")) {
                    token = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.US_ASCII);
                }
            }
            synchronized (this) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), token));
            }
            // §2.8: no caching of the answer
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
