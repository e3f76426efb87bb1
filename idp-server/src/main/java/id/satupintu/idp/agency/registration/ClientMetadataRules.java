package id.satupintu.idp.agency.registration;

import java.text.ParseException;
import java.util.List;
import java.util.Set;

import id.satupintu.idp.citizen.StandardClaims;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/**
 * The field rules of dynamic registration other than redirection URIs and the agency, each one small
 * check (RFC 7591 §2, OIDC Dynamic Client Registration 1.0 §2). Defaults are the secure ones of
 * RFC 9700: no implicit or password grant, asymmetric or secret-based client authentication only.
 */
final class ClientMetadataRules {

    static final Set<String> GRANT_TYPES = Set.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue(), AuthorizationGrantType.CLIENT_CREDENTIALS.getValue());

    static final Set<String> RESPONSE_TYPES = Set.of("code");

    static final Set<String> AUTH_METHODS = Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue(),
            ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue(), ClientAuthenticationMethod.NONE.getValue());

    /** Signing algorithms the server issues ID tokens with and accepts on client assertions. */
    static final Set<String> SIGNING_ALGORITHMS = Set.of("RS256", "PS256", "ES256");

    /** Scopes a dynamically registered client may ask for; administrative scopes are never among them. */
    static final Set<String> REGISTRABLE_SCOPES = Set.of("openid", "profile", "email", "address", "phone",
            "offline_access");

    static final int CLIENT_NAME_MAX_LENGTH = 200;

    private ClientMetadataRules() {
    }

    /** Only code, refresh-token and client-credentials grants; no implicit, password or others. */
    static final ClientMetadataRule GRANT_TYPES_SUPPORTED = registration -> {
        for (String grant : list(registration.getGrantTypes())) {
            if (!GRANT_TYPES.contains(grant)) {
                throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.GRANT_TYPES,
                        "only authorization_code, refresh_token and client_credentials are allowed");
            }
        }
    };

    /** Only {@code code}; the implicit and hybrid response types are not offered (RFC 9700 §2.1.2). */
    static final ClientMetadataRule RESPONSE_TYPES_SUPPORTED = registration -> {
        for (String responseType : list(registration.getResponseTypes())) {
            if (!RESPONSE_TYPES.contains(responseType)) {
                throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.RESPONSE_TYPES,
                        "only code is allowed");
            }
        }
    };

    /** A refresh token only comes from an authorization-code grant (RFC 7591 §2.1 consistency). */
    static final ClientMetadataRule REFRESH_TOKEN_NEEDS_CODE = registration -> {
        List<String> grants = effectiveGrantTypes(registration);
        if (grants.contains(AuthorizationGrantType.REFRESH_TOKEN.getValue())
                && !grants.contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue())) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.GRANT_TYPES,
                    "refresh_token requires authorization_code");
        }
    };

    static final ClientMetadataRule AUTH_METHOD_SUPPORTED = registration -> {
        String method = registration.getTokenEndpointAuthenticationMethod();
        if (method != null && !AUTH_METHODS.contains(method)) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.TOKEN_ENDPOINT_AUTH_METHOD,
                    "must be client_secret_basic, client_secret_post, private_key_jwt or none");
        }
    };

    /** A public client ({@code none}) cannot hold a secret, so only the PKCE-protected code grant. */
    static final ClientMetadataRule PUBLIC_CLIENT_CODE_ONLY = registration -> {
        if (ClientAuthenticationMethod.NONE.getValue().equals(registration.getTokenEndpointAuthenticationMethod())
                && !effectiveGrantTypes(registration).equals(List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()))) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.GRANT_TYPES,
                    "a public client (token_endpoint_auth_method none) may only use authorization_code");
        }
    };

    /**
     * {@code private_key_jwt} needs the client's public keys (RFC 7523 §3, OIDC Core §9), inline
     * ({@code jwks}) or by reference ({@code jwks_uri}), never both (RFC 7591 §2); other methods
     * register no keys.
     */
    static final ClientMetadataRule KEYS_FOR_PRIVATE_KEY_JWT = registration -> {
        boolean privateKeyJwt = ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue()
                .equals(registration.getTokenEndpointAuthenticationMethod());
        boolean hasJwks = InlineJwksRegistration.hasInlineJwks(registration);
        boolean hasJwksUri = InlineJwksRegistration.hasJwksUri(registration);
        if (hasJwks && hasJwksUri) {
            throw ClientMetadataRejection.invalidMetadata(InlineJwksRegistration.JWKS,
                    "jwks and jwks_uri must not both be present");
        }
        if (privateKeyJwt && !hasJwks && !hasJwksUri) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.JWKS_URI,
                    "private_key_jwt requires jwks or jwks_uri");
        }
        if (!privateKeyJwt && (hasJwks || hasJwksUri)) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.JWKS_URI,
                    "keys are only registered with private_key_jwt");
        }
    };

    /** An inline key set must be a JWK Set of public keys only: a private key sent here is already leaked. */
    static final ClientMetadataRule INLINE_JWKS_PUBLIC_KEYS = registration -> {
        if (!InlineJwksRegistration.hasInlineJwks(registration)) {
            return;
        }
        try {
            if (InlineJwksRegistration.containsPrivateKey(registration)) {
                throw ClientMetadataRejection.invalidMetadata(InlineJwksRegistration.JWKS,
                        "must hold public keys only");
            }
            if (InlineJwksRegistration.publicKeys(registration).isEmpty()) {
                throw ClientMetadataRejection.invalidMetadata(InlineJwksRegistration.JWKS, "must hold at least one key");
            }
        } catch (ParseException notAJwkSet) {
            throw ClientMetadataRejection.invalidMetadata(InlineJwksRegistration.JWKS, "must be a JWK Set (RFC 7517 §5)");
        }
    };

    /** Keys are fetched by the server: only over TLS (and so no SSRF through other schemes). */
    static final ClientMetadataRule JWKS_URI_HTTPS = registration -> {
        if (registration.getJwkSetUrl() != null && !"https".equalsIgnoreCase(registration.getJwkSetUrl().getProtocol())) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.JWKS_URI, "must use https");
        }
    };

    /** Client assertions only with the asymmetric algorithms the server verifies; never {@code none}. */
    static final ClientMetadataRule AUTH_SIGNING_ALG_SUPPORTED = registration -> {
        String alg = registration.getTokenEndpointAuthenticationSigningAlgorithm();
        if (alg == null) {
            return;
        }
        boolean privateKeyJwt = ClientAuthenticationMethod.PRIVATE_KEY_JWT.getValue()
                .equals(registration.getTokenEndpointAuthenticationMethod());
        if (!privateKeyJwt || !SIGNING_ALGORITHMS.contains(alg)) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.TOKEN_ENDPOINT_AUTH_SIGNING_ALG,
                    "only with private_key_jwt, one of RS256, PS256, ES256");
        }
    };

    /** ID tokens are signed with RS256 (default), PS256 or ES256; unsigned or HMAC ones are refused. */
    static final ClientMetadataRule ID_TOKEN_ALG_SUPPORTED = registration -> {
        String alg = registration.getIdTokenSignedResponseAlgorithm();
        if (alg != null && !SIGNING_ALGORITHMS.contains(alg)) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.ID_TOKEN_SIGNED_RESPONSE_ALG,
                    "must be RS256, PS256 or ES256");
        }
    };

    /**
     * {@code nik} (the national identity number and family card number) is granted to a client by an
     * administrator only ({@code PUT /admin/clients/{clientId}/scopes/nik}), never by the client itself.
     */
    static final ClientMetadataRule NIK_NOT_SELF_GRANTED = registration -> {
        if (list(registration.getScopes()).contains(StandardClaims.NIK_SCOPE)) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.SCOPE,
                    "nik is granted by an administrator only, not through registration");
        }
    };

    /** Only end-user scopes; administrative ones (client.create, agency.admin, ...) cannot be self-granted. */
    static final ClientMetadataRule SCOPES_REGISTRABLE = registration -> {
        for (String scope : list(registration.getScopes())) {
            if (!scope.isEmpty() && !REGISTRABLE_SCOPES.contains(scope)) {
                throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.SCOPE,
                        "only openid, profile, email, address, phone and offline_access may be registered");
            }
        }
    };

    static final ClientMetadataRule CLIENT_NAME_LENGTH = registration -> {
        String name = registration.getClientName();
        if (name != null && (name.isBlank() || name.length() > CLIENT_NAME_MAX_LENGTH)) {
            throw ClientMetadataRejection.invalidMetadata(OidcClientMetadataClaimNames.CLIENT_NAME,
                    "must be 1 to 200 characters");
        }
    };

    /** The grant types the client will get: those registered, or {@code authorization_code} (RFC 7591 §2). */
    static List<String> effectiveGrantTypes(OidcClientRegistration registration) {
        List<String> grants = list(registration.getGrantTypes());
        return grants.isEmpty() ? List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()) : grants;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
