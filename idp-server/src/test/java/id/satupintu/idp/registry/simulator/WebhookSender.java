package id.satupintu.idp.registry.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventListener;
import id.satupintu.idp.registry.webhook.RegistryEventToken;

/**
 * Pushes the simulated registry's change events to SatuPintu's webhook as signed SETs (RFC 8935):
 * one event at a time in order, each attempt a freshly signed token (new {@code jti}, new
 * {@code iat}), retried with a doubling pause until a 202 or the attempts run out.
 */
final class WebhookSender implements RegistryEventListener, AutoCloseable {

    private final URI webhook;
    private final EventTokenSigner signer;
    private final int attempts;
    private final Duration firstPause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "registry-simulator-webhook");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger delivered = new AtomicInteger();

    WebhookSender(URI webhook, EventTokenSigner signer, int attempts, Duration firstPause) {
        this.webhook = webhook;
        this.signer = signer;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    @Override
    public void onEvent(RegistryEvent event) {
        sender.execute(() -> deliver(event));
    }

    int delivered() {
        return delivered.get();
    }

    private void deliver(RegistryEvent event) {
        Duration pause = firstPause;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(webhook)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", RegistryEventToken.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(signer.sign(event))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 202) {
                    delivered.incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                // SatuPintu unreachable: try again after the pause
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
