package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Discovery;
import id.satupintu.conformance.harness.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The oidcc-discovery-* checks the basic plan runs on the provider metadata (OIDC Discovery §3,
 * §4.3; RFC 8414), plus the secure defaults SatuPintu must advertise.
 */
@DisplayName("oidcc-discovery")
class OidccDiscoveryTest extends ConformanceTest {

    private static Discovery discovery() {
        return harness.discovery();
    }

    @Test
    @DisplayName("oidcc-discovery-issuer-not-matching-config: issuer equals the URL the metadata was fetched from")
    void issuerWhenFetchedThenEqualsTheUrlUsed() {
        assertThat(discovery().issuer()).isEqualTo(harness.server().issuer().toString());
    }

    @Test
    @DisplayName("oidcc-discovery-endpoint-verification: every required endpoint is advertised on the issuer's origin")
    void endpointsWhenAdvertisedThenAllPresentOnIssuerOrigin() {
        for (String member : List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri",
                "registration_endpoint", "introspection_endpoint", "revocation_endpoint", "end_session_endpoint")) {
            URI endpoint = discovery().endpoint(member);
            assertThat(endpoint.getScheme() + "://" + endpoint.getAuthority()).as(member)
                    .isEqualTo(discovery().issuer());
        }
    }

    @Test
    @DisplayName("response_types_supported: code only (no implicit or hybrid)")
    void responseTypesWhenAdvertisedThenCodeOnly() {
        assertThat(discovery().list("response_types_supported")).containsExactly("code");
    }

    @Test
    @DisplayName("grant_types_supported: no implicit, no password")
    void grantTypesWhenAdvertisedThenNoImplicitOrPassword() {
        assertThat(discovery().list("grant_types_supported"))
                .contains("authorization_code", "refresh_token", "client_credentials")
                .doesNotContain("implicit", "password");
    }

    @Test
    @DisplayName("code_challenge_methods_supported: S256 only, plain absent")
    void pkceMethodsWhenAdvertisedThenS256Only() {
        assertThat(discovery().list("code_challenge_methods_supported")).containsExactly("S256");
    }

    @Test
    @DisplayName("subject_types_supported: pairwise")
    void subjectTypesWhenAdvertisedThenPairwise() {
        assertThat(discovery().list("subject_types_supported")).contains("pairwise");
    }

    @Test
    @DisplayName("id_token_signing_alg_values_supported: RS256, PS256, ES256 and never none")
    void idTokenAlgsWhenAdvertisedThenRs256Ps256Es256() {
        assertThat(discovery().list("id_token_signing_alg_values_supported"))
                .contains("RS256", "PS256", "ES256").doesNotContain("none");
    }

    @Test
    @DisplayName("oidcc-discovery: scopes_supported contains openid and the standard scopes")
    void scopesWhenAdvertisedThenOpenidAndStandardScopes() {
        assertThat(discovery().list("scopes_supported")).contains("openid", "profile", "email", "address", "phone");
    }

    @Test
    @DisplayName("token_endpoint_auth_methods_supported: basic, post, private_key_jwt, none")
    void clientAuthMethodsWhenAdvertisedThenAllRequiredOnes() {
        assertThat(discovery().list("token_endpoint_auth_methods_supported"))
                .contains("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
    }

    @Test
    @DisplayName("authorization_response_iss_parameter_supported is true (RFC 9207)")
    void issParameterWhenAdvertisedThenTrue() {
        assertThat(discovery().metadata().get("authorization_response_iss_parameter_supported")).isEqualTo(true);
    }

    @Test
    @DisplayName("claims_supported lists sub and acr_values_supported lists the levels of assurance")
    void claimsAndAcrWhenAdvertisedThenListed() {
        assertThat(discovery().list("claims_supported")).contains("sub", "iss", "acr", "auth_time");
        assertThat(discovery().list("acr_values_supported")).isNotEmpty();
    }

    @Test
    @DisplayName("RFC 8414 metadata at /.well-known/oauth-authorization-server names the same issuer and endpoints")
    void oauthMetadataWhenFetchedThenSameIssuerAndEndpoints() {
        HttpResponse<String> response = BackChannel.get(URI.create(discovery().issuer() + "/.well-known/oauth-authorization-server"));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> metadata = Json.object(response.body());
        assertThat(metadata.get("issuer")).isEqualTo(discovery().issuer());
        assertThat(metadata.get("token_endpoint")).isEqualTo(discovery().metadata().get("token_endpoint"));
        assertThat(metadata.get("authorization_endpoint")).isEqualTo(discovery().metadata().get("authorization_endpoint"));
    }

    @Test
    @DisplayName("discovery is JSON with a JSON content type")
    void discoveryWhenFetchedThenJsonContentType() {
        HttpResponse<String> response = BackChannel.get(URI.create(discovery().issuer() + Discovery.PATH));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }
}
