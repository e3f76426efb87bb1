package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-idtoken-unsigned: the module runs only when a provider offers unsigned ID tokens. SatuPintu
 * must not: discovery omits none, and a client cannot register it (OIDC Core §3.1.3.7: alg none
 * only for the code flow and only if registered; RFC 9700 prefers signed tokens).
 */
@DisplayName("oidcc-idtoken-unsigned")
class OidccIdtokenUnsignedTest extends ConformanceTest {

    @Test
    @DisplayName("alg none is neither advertised nor registrable")
    void registrationWhenIdTokenAlgNoneThenRefusedAndNotAdvertised() {
        assertThat(harness.discovery().list("id_token_signing_alg_values_supported")).doesNotContain("none");
        HttpResponse<String> response = harness.clients().submit(ClientSpec.confidential().idTokenAlg("none")
                .redirectUris(harness.clients().callback("/cb")), harness.clients().initialAccessToken());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.object(response.body()).get("error")).isEqualTo("invalid_client_metadata");
    }
}
