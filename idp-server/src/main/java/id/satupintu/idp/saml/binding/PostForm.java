package id.satupintu.idp.saml.binding;

/** The model of the auto-submitting HTTP-POST binding form (template {@value #VIEW}). */
public record PostForm(String action, String parameterName, String value, String relayState) {

    public static final String VIEW = "saml/post";
}
