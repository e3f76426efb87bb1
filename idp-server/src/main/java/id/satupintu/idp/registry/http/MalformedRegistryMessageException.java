package id.satupintu.idp.registry.http;

/**
 * A registry message that does not follow {@code registry/registry-api.yaml}: not JSON, a required
 * member missing, a value of the wrong type or out of its range. The message names the member, never
 * its value (which could be a NIK).
 */
public class MalformedRegistryMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRegistryMessageException(String message) {
        super(message);
    }

    public MalformedRegistryMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
