package id.satupintu.keys;

/** What a key is for. Each purpose has its own ring, rotated on its own schedule. */
public enum KeyPurpose {
    /** Signs ID tokens, access tokens, logout tokens and other JWTs; published in the OIDC JWKS. */
    OIDC_SIGNING,
    /** Signs SAML responses, assertions and metadata; published as an X.509 certificate in IdP metadata. */
    SAML_SIGNING,
    /** Decrypts what service providers encrypt to SatuPintu; published as an X.509 certificate in IdP metadata. */
    SAML_ENCRYPTION
}
