package id.satupintu.idp.saml.sso;

import java.util.List;

import id.satupintu.idp.saml.binding.PostForm;

/** What the SSO endpoint does next with a validated request. */
sealed interface SsoOutcome {

    /** Send the response (an assertion or a failure status) to the ACS with the auto-submitting form. */
    record Answer(PostForm form) implements SsoOutcome {
    }

    /**
     * The citizen must sign in: {@code again} when already signed in but {@code ForceAuthn} asks for
     * a new sign-in (SAML Core §3.4.1).
     *
     * @param pending the request to keep while the citizen signs in
     */
    record SignIn(ValidatedAuthnRequest pending, boolean again) implements SsoOutcome {
    }

    /**
     * The citizen has not yet consented to what this SP receives.
     *
     * @param spName the SP's display name
     * @param scopes the attribute groups (OIDC scope names) to ask for
     */
    record AskConsent(ValidatedAuthnRequest pending, String spName, List<String> scopes) implements SsoOutcome {
    }
}
