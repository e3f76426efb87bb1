package id.satupintu.idp.saml.sp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A real local HTTP server (JDK {@link HttpServer}) serving whatever metadata answer a test sets per path. */
public final class MetadataServer implements AutoCloseable {

    /** One answer: status, body and an optional Location header; a trickling one sends a byte every 100 ms (50 at most). */
    public record Answer(int status, byte[] body, String location, boolean trickle) {

        public Answer(int status, byte[] body, String location) {
            this(status, body, location, false);
        }

        public static Answer ok(String xml) {
            return new Answer(200, xml.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    public MetadataServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, new byte[0], null));
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
            if (answer.trickle()) {
                exchange.sendResponseHeaders(answer.status(), 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < Math.min(answer.body().length, 50); i++) { // 5 s at most, then it hangs up
                        out.write(answer.body()[i]);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException gone) {
                    // the client gave up, as it should
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
            exchange.close();
        });
        server.start();
    }

    public void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
