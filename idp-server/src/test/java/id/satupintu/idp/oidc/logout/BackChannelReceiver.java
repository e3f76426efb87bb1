package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A relying party's back-channel logout endpoint (OIDC Back-Channel Logout 1.0 §2.5), a real HTTP
 * server on a free local port: records every POST it receives and answers with scripted statuses
 * (200 once the script is used up).
 */
public final class BackChannelReceiver implements AutoCloseable {

    /** One POST as received. */
    public record Received(String contentType, String body, int answeredWith) {

        /** @return the {@code logout_token} form parameter, or null */
        public String logoutToken() {
            for (String pair : body.split("&")) {
                if (pair.startsWith("logout_token=")) {
                    return URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        /** Printed by failing assertions: the body holds a logout token, which never goes to output. */
        @Override
        public String toString() {
            return "Received[contentType=" + contentType + ", body length=" + body.length() + ", answeredWith="
                    + answeredWith + "]";
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public BackChannelReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            int status;
            synchronized (script) {
                status = script.isEmpty() ? 200 : script.removeFirst();
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), body, status));
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers the next POSTs with these statuses, in order. */
    public BackChannelReceiver answering(Integer... statuses) {
        synchronized (script) {
            script.addAll(List.of(statuses));
        }
        return this;
    }

    public String uri() {
        return "http://localhost:" + server.getAddress().getPort() + "/backchannel-logout";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} POSTs arrived (the sender is asynchronous). */
    public List<Received> awaitReceived(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
