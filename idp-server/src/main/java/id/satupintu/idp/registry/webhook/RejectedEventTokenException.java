package id.satupintu.idp.registry.webhook;

/**
 * Why a pushed Security Event Token was refused, as RFC 8935 §2.3 error codes:
 * {@code invalid_request}, {@code invalid_key}, {@code invalid_issuer}, {@code invalid_audience},
 * {@code authentication_failed}. The description is safe to return and to audit: it never holds
 * the token or any value taken from it.
 */
public class RejectedEventTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public RejectedEventTokenException(String errorCode, String description) {
        super(description);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
