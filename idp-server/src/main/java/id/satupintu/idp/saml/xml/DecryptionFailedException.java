package id.satupintu.idp.saml.xml;

/** An encrypted element that none of this IdP's SAML encryption keys could decrypt. */
public class DecryptionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecryptionFailedException(String reason) {
        super(reason);
    }

    public DecryptionFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
