package id.satupintu.idp.saml.sp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import id.satupintu.idp.saml.xml.SignatureRejectedException;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fetches a service provider's metadata from its metadata URL and accepts it only when it carries an
 * enveloped signature (XML Signature, SAML Metadata §3) by the certificate registered for that SP:
 * what travels over the network is trusted because of the signature, not because of the transport.
 *
 * <p>JDK {@link HttpClient}: connect, response and whole-download timeouts, redirects not followed (a redirect could
 * lead to an address the administrator did not register), https only except for a loopback host,
 * body capped at {@value #MAX_BYTES} bytes (read no further, so a huge or endless answer cannot
 * exhaust memory). Then the usual rules of {@link SpMetadataParser}, {@code validUntil} included.
 */
@Component
public class MetadataFetcher {

    /** Largest metadata document accepted: 1 MiB, far above any single SP's metadata. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response headers arrive. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /**
     * The whole download, body included: a server trickling its answer cannot hold the refresh round
     * (and its cluster-wide lock) for long.
     */
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier();
    private final SpMetadataParser parser;
    private final Duration downloadTimeout;

    @Autowired
    public MetadataFetcher(SpMetadataParser parser) {
        this(parser, DOWNLOAD_TIMEOUT);
    }

    MetadataFetcher(SpMetadataParser parser, Duration downloadTimeout) {
        this.parser = parser;
        this.downloadTimeout = downloadTimeout;
    }

    /** A document fetched, verified and read. */
    public record Fetched(byte[] xml, SpMetadata metadata) {
    }

    /**
     * @throws InvalidMetadataException with the precise reason: URL, transport, status, size,
     *         signature or metadata rule
     */
    public Fetched fetch(URI url, X509Certificate signer) {
        checkUrl(url);
        if (signer == null) {
            throw new InvalidMetadataException("metadata_signing_certificate is required with a metadata URL");
        }
        byte[] xml = download(url);
        EntityDescriptor entity = SpMetadataParser.entityDescriptor(xml);
        try {
            verifier.verifyEnveloped(entity, List.of(signer));
        } catch (SignatureRejectedException e) {
            throw new InvalidMetadataException("metadata signature refused: " + e.reason());
        }
        SpMetadata metadata = parser.read(entity, true);
        SpMetadataParser.text(xml);
        return new Fetched(xml, metadata);
    }

    /** @throws InvalidMetadataException unless the URL is absolute https (http only for a loopback host) */
    public static void checkUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null) {
            throw new InvalidMetadataException("metadata_url must be an absolute URL with a host");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new InvalidMetadataException("metadata_url must not carry user information or a fragment");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && SpMetadataParser.isLoopback(url.getHost()))) {
            throw new InvalidMetadataException("metadata_url must use https (http only for localhost)");
        }
    }

    private byte[] download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/samlmetadata+xml, application/xml;q=0.9, text/xml;q=0.8").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request,
                info -> info.statusCode() == 200 ? new SizeCappedBody(MAX_BYTES) : BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(downloadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new InvalidMetadataException("metadata download took longer than " + downloadTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvalidMetadataException("metadata fetch interrupted");
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SizeCappedBody.TooLarge) {
                    throw new InvalidMetadataException("metadata larger than 1 MiB");
                }
            }
            throw new InvalidMetadataException("metadata URL unreachable: " + e.getCause().getClass().getSimpleName());
        }
        if (response.statusCode() != 200) {
            throw new InvalidMetadataException("metadata URL answered HTTP " + response.statusCode()
                    + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        return response.body();
    }

    /**
     * Collects a body up to a size and gives up beyond it, without reading the rest: a huge or endless
     * answer cannot exhaust memory.
     */
    static final class SizeCappedBody implements HttpResponse.BodySubscriber<byte[]> {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("body over the cap");
            }
        }

        private final long cap;
        private final HttpResponse.BodySubscriber<byte[]> bytes = BodySubscribers.ofByteArray();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long received;

        SizeCappedBody(long cap) {
            this.cap = cap;
            bytes.getBody().whenComplete((value, error) -> {
                if (error != null) {
                    body.completeExceptionally(error);
                } else {
                    body.complete(value);
                }
            });
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            received += items.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > cap) {
                subscription.cancel();
                body.completeExceptionally(new TooLarge());
                return;
            }
            bytes.onNext(items);
        }

        @Override
        public void onError(Throwable error) {
            bytes.onError(error);
        }

        @Override
        public void onComplete() {
            bytes.onComplete();
        }
    }
}
