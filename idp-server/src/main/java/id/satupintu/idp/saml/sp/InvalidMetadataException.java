package id.satupintu.idp.saml.sp;

/**
 * Service-provider metadata (SAML Metadata §2) or a registration setting was refused. The message is
 * the precise reason, safe to show to the administrator who sent it: it never quotes more than an
 * element or attribute name and the offending value's kind.
 */
public class InvalidMetadataException extends RuntimeException {

    public InvalidMetadataException(String reason) {
        super(reason);
    }

    public InvalidMetadataException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** @return why the metadata was refused */
    public String reason() {
        return getMessage();
    }
}
