package id.satupintu.sdk.internal.http;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls to the provider over {@link HttpClient}, each bounded by the configured timeout. A network
 * failure becomes {@link Failure#PROVIDER_UNAVAILABLE}; the status and body are left to the caller.
 * Redirects are not followed: a provider endpoint that redirects is misconfigured, and following it
 * could carry credentials elsewhere.
 */
public final class ProviderHttp {

    /** One client for the JVM: it pools connections, and the SDK's calls are few and short. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Far above any discovery document, JWKS, token or userinfo answer; bounds what a broken provider costs us. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Duration timeout;

    public ProviderHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /** An answer: status, body text and the {@code Cache-Control} header (or null). */
    public record Answer(int status, String body, String cacheControl) {
        public boolean ok() {
            return status == 200;
        }
    }

    public Answer get(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), uri);
    }

    /** POSTs {@code application/x-www-form-urlencoded} parameters (RFC 6749 §4.1.3). */
    public Answer postForm(URI uri, Map<String, String> form, String authorization) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build(), uri);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer send(HttpRequest request, URI uri) {
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE,
                            "answer from " + withoutQuery(uri) + " is larger than " + MAX_BODY_BYTES + " bytes");
                }
                body = new String(bytes, StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), body, response.headers().firstValue("Cache-Control").orElse(null));
        } catch (IOException e) {
            // the URI is the provider's endpoint: no token or secret in it
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE,
                    "provider unreachable at " + withoutQuery(uri) + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "interrupted while calling the provider", e);
        }
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }
}
