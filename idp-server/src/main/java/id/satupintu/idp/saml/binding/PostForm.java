package id.satupintu.idp.saml.binding;

import java.util.Objects;

/**
 * What the HTTP-POST binding's auto-submitting form carries (SAML Bindings §3.5.4): rendered by the
 * template {@value #VIEW} with this record as model attribute {@code form}. A static script submits
 * it; without JavaScript the citizen presses the button shown in {@code <noscript>}.
 *
 * @param action the receiver's endpoint from its metadata
 * @param parameterName {@code SAMLRequest} or {@code SAMLResponse}
 * @param value the base64-encoded message
 * @param relayState returned verbatim; null when there is none
 */
public record PostForm(String action, String parameterName, String value, String relayState) {

    /** The Thymeleaf view that renders the form. */
    public static final String VIEW = "saml/post";
    /** The model attribute the view reads. */
    public static final String MODEL_ATTRIBUTE = "form";

    public PostForm {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(parameterName, "parameterName");
        Objects.requireNonNull(value, "value");
    }
}
