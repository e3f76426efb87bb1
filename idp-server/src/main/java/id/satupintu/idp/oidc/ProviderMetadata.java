package id.satupintu.idp.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.citizen.StandardClaims;
import id.satupintu.idp.oidc.claims.RegistryTrustFramework;
import id.satupintu.idp.session.LevelOfAssurance;
import id.satupintu.keys.SigningAlgorithm;

/**
 * What discovery promises (OIDC Discovery §3, RFC 8414 §2). Only what the server really does:
 * the code flow with PKCE S256, pairwise subjects, the three grants it supports and the client
 * authentication methods it accepts. Discovery is the contract relying parties code against.
 *
 * <p>Claims: the {@code claims} parameter (OIDC Core §5.5) is supported; {@code claims_supported}
 * lists the protocol claims and every claim of a scope ({@link StandardClaims#CLAIMS_OF_SCOPE}),
 * {@code nik} included (released only to clients an administrator granted scope {@code nik}).
 * Identity assurance (OIDC4IDA 1.0, OP metadata): {@code verified_claims} with trust framework
 * {@value RegistryTrustFramework#TRUST_FRAMEWORK} and {@code electronic_record} evidence.
 */
final class ProviderMetadata {

    static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials");
    static final List<String> CLIENT_AUTH_METHODS =
            List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
    static final List<String> SCOPES = List.of("openid", "profile", "email", "address", "phone", "offline_access",
            StandardClaims.NIK_SCOPE);
    static final List<String> PROTOCOL_CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr",
            "amr", "azp", "sid", "at_hash");

    private ProviderMetadata() {
    }

    /** Claims shared by the OpenID and the OAuth authorization-server metadata documents. */
    static void applyOAuthMetadata(Map<String, Object> claims) {
        claims.put("response_types_supported", List.of("code"));
        claims.put("response_modes_supported", List.of("query"));
        claims.put("grant_types_supported", GRANT_TYPES);
        claims.put("code_challenge_methods_supported", List.of("S256"));
        claims.put("token_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        claims.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"));
        claims.put("revocation_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        claims.put("introspection_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS);
        claims.put("scopes_supported", SCOPES);
        claims.put("authorization_response_iss_parameter_supported", true);
        claims.put("ui_locales_supported", List.of("id", "en"));
        claims.remove("tls_client_certificate_bound_access_tokens");
    }

    /** OpenID-only claims (OIDC Discovery §3). */
    static void applyOpenIdMetadata(Map<String, Object> claims) {
        applyOAuthMetadata(claims);
        claims.put("subject_types_supported", List.of("pairwise"));
        claims.put("id_token_signing_alg_values_supported",
                java.util.Arrays.stream(SigningAlgorithm.values()).map(Enum::name).toList());
        claims.put("acr_values_supported",
                java.util.Arrays.stream(LevelOfAssurance.values()).map(LevelOfAssurance::uri).toList());
        claims.put("claims_supported", claimsSupported());
        claims.put("claims_parameter_supported", true);
        claims.put("request_parameter_supported", false);
        claims.put("request_uri_parameter_supported", false);
        claims.put("display_values_supported", List.of("page", "popup", "touch"));
        claims.put("claim_types_supported", List.of("normal"));
        applyIdentityAssuranceMetadata(claims);
        applyLogoutMetadata(claims);
    }

    /**
     * OIDC Back-Channel Logout 1.0 §2.1: logout tokens go to each registered
     * {@code backchannel_logout_uri} and carry {@code sid}. OIDC Front-Channel Logout 1.0 §3: each
     * registered {@code frontchannel_logout_uri} is rendered in an iframe with {@code iss} and {@code sid}.
     */
    static void applyLogoutMetadata(Map<String, Object> claims) {
        claims.put("backchannel_logout_supported", true);
        claims.put("backchannel_logout_session_supported", true);
        claims.put("frontchannel_logout_supported", true);
        claims.put("frontchannel_logout_session_supported", true);
    }

    /** OIDC4IDA 1.0 OP metadata: what {@code verified_claims} this server can issue. */
    static void applyIdentityAssuranceMetadata(Map<String, Object> claims) {
        claims.put("verified_claims_supported", true);
        claims.put("trust_frameworks_supported", List.of(RegistryTrustFramework.TRUST_FRAMEWORK));
        claims.put("evidence_supported", List.of(RegistryTrustFramework.EVIDENCE_TYPE));
        claims.put("electronic_records_supported", List.of(RegistryTrustFramework.RECORD_TYPE));
        claims.put("claims_in_verified_claims_supported", RegistryTrustFramework.VERIFIABLE_CLAIMS);
    }

    static List<String> claimsSupported() {
        List<String> supported = new ArrayList<>(PROTOCOL_CLAIMS);
        StandardClaims.CLAIMS_OF_SCOPE.values().forEach(supported::addAll);
        supported.add("verified_claims");
        return List.copyOf(supported);
    }
}
