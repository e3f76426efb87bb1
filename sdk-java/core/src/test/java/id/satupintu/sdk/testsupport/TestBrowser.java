package id.satupintu.sdk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;

/** Follows an authorization URL to the provider over HTTP and reads the redirect back, as a browser would. */
public final class TestBrowser {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestBrowser() {
    }

    /** @return the query parameters of the provider's redirect to the application */
    public static Map<String, String> authorize(URI authorizationUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(authorizationUrl).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 302) {
                throw new IllegalStateException("provider answered " + response.statusCode() + ": " + response.body());
            }
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            return TestProvider.decodeForm(location.getRawQuery());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the callback's parameters as a function, the way adapters read a request */
    public static Function<String, String> callback(URI authorizationUrl) {
        return authorize(authorizationUrl)::get;
    }
}
