package id.satupintu.idp.saml.xml;

/** An XML document refused before any SAML rule looked at it: malformed, a DTD, an unknown element. */
public final class XmlRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public XmlRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
