package id.satupintu.sdk;

/**
 * A refused sign-in, token or logout notice. The message is safe to log: it never holds a token,
 * a secret or a full NIK.
 */
public class SatuPintuException extends RuntimeException {

    private final Failure failure;

    public SatuPintuException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public SatuPintuException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
