package id.satupintu.idp.registry.http;

/**
 * One failed call to the registry service, classified for the retry policy: {@link #retryable()} is
 * true only for failures that another attempt may cure (a timeout, a connection error, a 5xx), never
 * for a 4xx or a body that breaks the API contract.
 */
public class RegistryCallFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public RegistryCallFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
