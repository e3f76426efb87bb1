package id.satupintu.idp.saml.slo;

import id.satupintu.idp.saml.binding.PostForm;

/** What the browser is sent next in a single logout: a redirect, an auto-submitting form, or an error page. */
sealed interface SloStep {

    /** HTTP-Redirect binding message, or a plain redirect to a validated URL. */
    record Redirect(String url) implements SloStep {
    }

    /** HTTP-POST binding message ({@link PostForm#VIEW}). */
    record Post(PostForm form) implements SloStep {
    }

    /** Nothing can be sent back: the readable error page, never a redirect. */
    record ErrorPage(int status) implements SloStep {
    }
}
