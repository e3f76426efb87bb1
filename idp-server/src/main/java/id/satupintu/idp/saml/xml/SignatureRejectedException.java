package id.satupintu.idp.saml.xml;

/** A signature that this IdP does not accept: missing, malformed, wrapped, weak, untrusted or invalid. */
public class SignatureRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignatureRejectedException(String reason) {
        super(reason);
    }

    public SignatureRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** @return why the signature was refused, safe to log and to audit (no key material, no document content) */
    public String reason() {
        return getMessage();
    }
}
