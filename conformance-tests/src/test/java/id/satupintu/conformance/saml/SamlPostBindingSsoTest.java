package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SP-initiated SSO with the AuthnRequest over HTTP-POST (SAML Bindings §3.5, enveloped
 * signature). The SP's auto-POST is a cross-site POST to SatuPintu, so it arrives without the
 * SameSite=Lax session cookie: a citizen who is signed in must still not be asked to sign in again.
 */
@DisplayName("SAML SSO, AuthnRequest over HTTP-POST")
class SamlPostBindingSsoTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider signing;
    private static PySaml2ServiceProvider unsigned;

    @BeforeAll
    static void startServiceProviders() {
        signing = serviceProvider(SpOptions.named("post-signed").binding("post"));
        unsigned = serviceProvider(SpOptions.named("post-unsigned").binding("post").signsRequests(false));
    }

    @Test
    @DisplayName("signed AuthnRequest by POST: pysaml2 accepts, persistent NameID, LoA 2")
    void ssoWhenSignedPostRequestThenAccepted() {
        FrontChannel.Result result = ssoAt(newSamlBrowser(signing), signing, "binding=post", Citizen.SITI);

        Map<String, Object> session = assertAccepted(result, signing);
        assertThat(result.postsTo(issuer().resolve("/saml2/idp/sso"))).as("AuthnRequest posted to the SSO service")
                .singleElement().satisfies(post -> assertThat(post.parameterName()).isEqualTo("SAMLRequest"));
        assertThat(result.lastPost("SAMLResponse")).hasValueSatisfying(post -> {
            assertThat(post.noscriptButton()).as("Response form usable without JavaScript").isTrue();
            assertThat(statusCode(post.messageXml())).isEqualTo(SUCCESS);
        });
        assertThat(session.get("name_id_format")).isEqualTo(PERSISTENT);
        assertThat(session.get("authn_context_class_ref")).isEqualTo(LOA2);
        assertThat(session.get("response_signed")).isEqualTo(true);
        assertThat(session.get("assertion_signed")).isEqualTo(true);
    }

    @Test
    @DisplayName("an SP that does not sign: its unsigned AuthnRequest by POST is accepted")
    void ssoWhenUnsignedPostRequestFromSpThatDoesNotSignThenAccepted() {
        FrontChannel.Result result = ssoAt(newSamlBrowser(unsigned), unsigned, "binding=post", Citizen.SITI);
        assertThat(assertAccepted(result, unsigned).get("authn_context_class_ref")).isEqualTo(LOA2);
    }

    @Test
    @DisplayName("signed in already, AuthnRequest by cross-site POST (no session cookie on it): no sign-in page")
    void ssoWhenSignedInAndPostRequestArrivesWithoutCookieThenNoLoginPage() {
        SamlBrowser browser = newSamlBrowser(signing);
        assertAccepted(ssoAt(browser, signing, "binding=redirect", Citizen.SITI), signing);

        FrontChannel.Result second = ssoAt(browser, signing, "binding=post", null);

        assertAccepted(second, signing);
        assertThat(second.loginShown()).as("sign-in page although the citizen is signed in").isFalse();
    }

    @Test
    @DisplayName("same NameID whichever binding carried the AuthnRequest")
    void ssoWhenRedirectThenPostThenSameNameId() {
        String byRedirect = (String) assertAccepted(ssoAt(newSamlBrowser(signing), signing, "binding=redirect",
                Citizen.SITI), signing).get("name_id");
        String byPost = (String) assertAccepted(ssoAt(newSamlBrowser(signing), signing, "binding=post", Citizen.SITI),
                signing).get("name_id");
        assertThat(byPost).isEqualTo(byRedirect);
    }
}
