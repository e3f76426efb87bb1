package id.satupintu.idp.agency.registration;

import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/** Fixtures: registration requests (RFC 7591 §2 metadata) that pass every rule unless a test changes one. */
final class TestClientRegistrations {

    private TestClientRegistrations() {
    }

    static OidcClientRegistration.Builder webApp(String agencyCode) {
        return OidcClientRegistration.builder()
                .clientName("Layanan Uji")
                .redirectUri("https://layanan.example.go.id/callback")
                .postLogoutRedirectUri("https://layanan.example.go.id/")
                .grantType("authorization_code")
                .grantType("refresh_token")
                .responseType("code")
                .tokenEndpointAuthenticationMethod("client_secret_basic")
                .scope("openid").scope("profile")
                .claim(AgencyCodeRule.AGENCY_CODE, agencyCode);
    }

    static OidcClientRegistration.Builder privateKeyJwtApp(String agencyCode) {
        return webApp(agencyCode)
                .tokenEndpointAuthenticationMethod("private_key_jwt")
                .jwkSetUrl("https://layanan.example.go.id/jwks.json")
                .tokenEndpointAuthenticationSigningAlgorithm("ES256");
    }

    static OidcClientRegistration.Builder nativeApp(String agencyCode) {
        return OidcClientRegistration.builder()
                .redirectUri("http://127.0.0.1:53682/callback")
                .grantType("authorization_code")
                .tokenEndpointAuthenticationMethod("none")
                .claim(AgencyCodeRule.AGENCY_CODE, agencyCode);
    }
}
