package id.satupintu.idp.saml.sso;

import id.satupintu.idp.saml.SamlPaths;

/** The SSO endpoint's own follow-up paths, under {@link SamlPaths#SSO}. */
public final class SsoPaths {

    /** Same-site GET re-entry after a cross-site HTTP-POST ({@code ?handle=}): the session cookie comes along. */
    public static final String POSTED = SamlPaths.SSO + "/posted";
    /** Continues a waiting request ({@code ?key=}) once the citizen has signed in; requires a signed-in citizen. */
    public static final String CONTINUE = SamlPaths.SSO + "/continue";
    /** The consent decision ({@code key}, {@code decision}); a signed-in citizen's form post with CSRF token. */
    public static final String CONSENT = SamlPaths.SSO + "/consent";

    private SsoPaths() {
    }
}
