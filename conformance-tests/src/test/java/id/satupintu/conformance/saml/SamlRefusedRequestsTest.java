package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Requests SatuPintu must refuse, over HTTP: an SP nobody registered, an
 * AssertionConsumerServiceURL not in the SP's metadata (SAML Profiles §4.1.4.1), and an AuthnRequest
 * replayed byte for byte. Refusals are error pages, never a redirect or a Response to an unverified URL.
 */
@DisplayName("SAML requests SatuPintu refuses")
class SamlRefusedRequestsTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider registered;
    private static PySaml2ServiceProvider unknown;

    @BeforeAll
    static void startServiceProviders() {
        registered = serviceProvider(SpOptions.named("registered"));
        unknown = unregisteredServiceProvider(SpOptions.named("unknown"));
    }

    @Test
    @DisplayName("unknown SP: an error page at SatuPintu, no redirect, nothing posted to the SP")
    void ssoWhenSpNotRegisteredThenErrorPageWithoutResponse() {
        FrontChannel.Result result = ssoAt(newSamlBrowser(unknown), unknown, "", Citizen.SITI);
        assertErrorPageWithoutSamlResponse(result, unknown);
    }

    @Test
    @DisplayName("unknown SP when already signed in: still an error page, nothing posted")
    void ssoWhenSpNotRegisteredAndSignedInThenErrorPageWithoutResponse() {
        SamlBrowser browser = newSamlBrowser(registered, unknown);
        assertAccepted(ssoAt(browser, registered, "", Citizen.SITI), registered);
        assertErrorPageWithoutSamlResponse(ssoAt(browser, unknown, "", null), unknown);
    }

    @Test
    @DisplayName("AssertionConsumerServiceURL not in the metadata (signed request): error page, nothing sent to that URL")
    void ssoWhenAcsUrlNotInMetadataThenErrorPageAndNothingSentThere() {
        SamlBrowser browser = newSamlBrowser(registered);
        assertAccepted(ssoAt(browser, registered, "", Citizen.SITI), registered);
        URI evil = registered.baseUrl().resolve("/evil-acs");

        FrontChannel.Result result = ssoAt(browser, registered,
                "acs=" + URLEncoder.encode(evil.toString(), StandardCharsets.UTF_8), null);

        assertThat(result.postsTo(evil)).as("Response posted to the unlisted ACS").isEmpty();
        assertThat(result.visited(evil)).as("browser sent to the unlisted ACS").isFalse();
        assertErrorPageWithoutSamlResponse(result, registered);
    }

    @Test
    @DisplayName("the same AuthnRequest twice: the second gets no successful Response")
    void ssoWhenAuthnRequestReplayedThenNoSuccessfulResponse() {
        HttpResponse<String> login = BackChannel.get(registered.login("binding=redirect"));
        assertThat(login.statusCode()).isEqualTo(303);
        URI authnRequest = URI.create(login.headers().firstValue("Location").orElseThrow());
        SamlBrowser browser = newSamlBrowser(registered);
        assertAccepted(frontChannel.open(browser, authnRequest, Citizen.SITI), registered);

        FrontChannel.Result replay = frontChannel.open(browser, authnRequest, Citizen.SITI);

        assertThat(replay.endedAt(registered.acs()) && replay.finalPage().status() == 200)
                .as("pysaml2 accepted a response to the replayed request: " + replay).isFalse();
        replay.lastPost("SAMLResponse").ifPresentOrElse(
                post -> assertThat(statusCode(post.messageXml())).as("status answering the replay").isNotEqualTo(SUCCESS),
                () -> assertThat(replay.finalPage().status()).as("error page for the replay, " + replay.finalPage()
                        .headline()).isBetween(400, 499));
    }
}
