package id.satupintu.conformance.harness.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;

/**
 * A SAML HTTP-POST binding form (SAML Bindings §3.5.4): a {@code <form method="post" data-auto-submit>}
 * with the message in a hidden {@code SAMLRequest} or {@code SAMLResponse} field and an optional
 * {@code RelayState}. A page script submits it when JavaScript runs; the tests submit it as a
 * browser without JavaScript does, through the button inside {@code <noscript>}, so a page that
 * offers no such button cannot be completed here either.
 *
 * @param form the form as the page renders it
 * @param noscriptButton whether the form has a submit button inside {@code <noscript>}
 */
public record AutoPostForm(HtmlForm form, boolean noscriptButton) {

    private static final Pattern FORM_TAG = Pattern.compile("<form\\b([^>]*)>(.*?)</form\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NOSCRIPT_BUTTON = Pattern.compile(
            "<noscript>.*?(<button\\b|<input\\b[^>]*type=\"?submit).*?</noscript>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** @return the page's auto-submitting SAML form, if it has one */
    public static Optional<AutoPostForm> on(Page page) {
        if (page.body() == null || SamlBrowser.isRedirect(page.status())) {
            return Optional.empty();
        }
        List<HtmlForm> forms = HtmlForm.all(page);
        Matcher tag = FORM_TAG.matcher(page.body());
        for (int index = 0; tag.find() && index < forms.size(); index++) {
            HtmlForm form = forms.get(index);
            boolean marked = tag.group(1).contains("data-auto-submit");
            boolean carriesSaml = form.has("SAMLRequest") || form.has("SAMLResponse");
            if (marked && carriesSaml && "post".equals(form.method())) {
                return Optional.of(new AutoPostForm(form, NOSCRIPT_BUTTON.matcher(tag.group(2)).find()));
            }
        }
        return Optional.empty();
    }

    /** @return {@code SAMLRequest} or {@code SAMLResponse} */
    public String parameterName() {
        return form.has("SAMLResponse") ? "SAMLResponse" : "SAMLRequest";
    }

    /** @return the SAML message as XML (the field is base64 of the XML, SAML Bindings §3.5.4) */
    public String messageXml() {
        String value = form.value(parameterName()).orElseThrow();
        return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
    }

    public Optional<String> relayState() {
        return form.value("RelayState");
    }

    /** @return what a browser submits when the noscript button is pressed */
    public FormData submission() {
        FormData data = form.defaults();
        form.buttons().stream().findFirst().ifPresent(button -> data.add(button.name(), button.value()));
        return data;
    }

    @Override
    public String toString() {
        return "AutoPostForm[" + parameterName() + " -> " + form.action() + "]";
    }
}
