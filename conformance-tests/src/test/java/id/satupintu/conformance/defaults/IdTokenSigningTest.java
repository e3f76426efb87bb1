package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each client's ID tokens are signed with its id_token_signed_response_alg, verifiable through the JWKS. */
@DisplayName("ID token signing algorithm per client")
class IdTokenSigningTest extends ConformanceTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    @DisplayName("registered alg: the ID token header names it and the JWKS key verifies it")
    void idTokenWhenClientRegistersAlgThenSignedWithIt(String alg) {
        TestClient client = registerClient(ClientSpec.confidential().idTokenAlg(alg));
        var flow = signIn(client); // IdTokens.verify checks the header alg against the client's and the signature
        assertThat(IdTokens.parse(flow.tokens().idToken()).getHeader().getAlgorithm().getName()).isEqualTo(alg);
    }

    @Test
    @DisplayName("no alg registered: RS256")
    void idTokenWhenNoAlgRegisteredThenRs256() {
        TestClient client = registerClient(ClientSpec.confidential().set("id_token_signed_response_alg", null));
        assertThat(IdTokens.parse(signIn(client).tokens().idToken()).getHeader().getAlgorithm().getName())
                .isEqualTo("RS256");
    }

    @Test
    @DisplayName("registering alg none or an unknown alg: 400 invalid_client_metadata")
    void registrationWhenAlgNoneThenInvalidClientMetadata() {
        for (String alg : new String[] {"none", "XS999"}) {
            HttpResponse<String> response = harness.clients().submit(ClientSpec.confidential().idTokenAlg(alg)
                    .redirectUris(harness.clients().callback("/cb")), harness.clients().initialAccessToken());
            assertThat(response.statusCode()).as(alg).isEqualTo(400);
            assertThat(response.body()).as(alg).contains("invalid_client_metadata");
        }
    }
}
