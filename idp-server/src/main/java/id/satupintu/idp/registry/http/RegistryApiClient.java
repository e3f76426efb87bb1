package id.satupintu.idp.registry.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.VerificationOutcome;

/**
 * One HTTP exchange with the registry API ({@code registry/registry-api.yaml}) over mutual TLS, no
 * retries and no breaker: those wrap it in {@link ResilientRegistryCalls}. Status codes and bodies
 * are mapped here: 200 is parsed strictly, 404 on a person is "none", anything else is a
 * {@link RegistryCallFailure}. The NIK travels in the path of an https request (encrypted on the
 * wire); it is never logged here and exception messages carry only its masked form.
 */
public class RegistryApiClient {

    private static final String JSON = "application/json";

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration readTimeout;

    public RegistryApiClient(URI baseUrl, SSLContext tls, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** {@code GET /v1/persons/{nik}}. */
    public Optional<RegistryRecord> person(Nik nik) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("v1/persons/" + nik.value()))
                .timeout(readTimeout).header("Accept", JSON).GET().build();
        HttpResponse<byte[]> response = send(request, "look-up of " + nik.masked());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expectOk(response, "look-up of " + nik.masked());
        RegistryRecord record = parse(() -> RegistryWireFormat.parseRecord(response.body()), "look-up");
        if (!record.nik().equals(nik)) {
            throw new RegistryCallFailure("The registry answered a look-up of " + nik.masked()
                    + " with another person's record", false, null);
        }
        return Optional.of(record);
    }

    /** {@code POST /v1/verifications}: the attributes go in the body, never in a URL. */
    public VerificationOutcome verification(EnrollmentAttributes submitted) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("v1/verifications"))
                .timeout(readTimeout).header("Accept", JSON).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(RegistryWireFormat.writeVerificationRequest(submitted)))
                .build();
        HttpResponse<byte[]> response = send(request, "verification of " + submitted.nik().masked());
        expectOk(response, "verification of " + submitted.nik().masked());
        VerificationOutcome outcome = parse(() -> RegistryWireFormat.parseOutcome(response.body()), "verification");
        if (outcome instanceof VerificationOutcome.Verified verified && !verified.record().nik().equals(submitted.nik())) {
            throw new RegistryCallFailure("The registry verified " + submitted.nik().masked()
                    + " with another person's record", false, null);
        }
        return outcome;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new RegistryCallFailure("The registry did not accept the connection in time (" + what + ")", true, e);
        } catch (HttpTimeoutException e) {
            throw new RegistryCallFailure("The registry did not answer in time (" + what + ")", true, e);
        } catch (IOException e) {
            throw new RegistryCallFailure("The connection to the registry failed (" + what + ": "
                    + e.getClass().getSimpleName() + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryCallFailure("Interrupted while waiting for the registry (" + what + ")", false, e);
        }
    }

    private static void expectOk(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        throw new RegistryCallFailure("The registry answered HTTP " + status + " to a " + what, status >= 500, null);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String what) {
        try {
            return parser.get();
        } catch (MalformedRegistryMessageException e) {
            throw new RegistryCallFailure("The registry's " + what + " answer breaks the API contract: "
                    + e.getMessage(), false, e);
        }
    }
}
