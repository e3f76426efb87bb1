package id.satupintu.idp.registry;

/**
 * The registry could not answer: unreachable, too slow, failing, or its circuit breaker is open.
 * Callers degrade (sign-in uses the locally stored verified record; enrollment asks to try later);
 * they never treat this as "no such person".
 */
public class RegistryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailableException(String message) {
        super(message);
    }

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
