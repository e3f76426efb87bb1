package id.satupintu.idp.saml.binding;

/** A SAML binding message that could not be decoded: missing parameter, bad encoding, too large, bad XML. */
public class SamlBindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SamlBindingException(String reason) {
        super(reason);
    }

    public SamlBindingException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
