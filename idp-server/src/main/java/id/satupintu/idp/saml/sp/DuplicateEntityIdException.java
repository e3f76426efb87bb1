package id.satupintu.idp.saml.sp;

/** A service provider with this {@code entityID} is already registered (entity IDs are unique across agencies). */
public class DuplicateEntityIdException extends RuntimeException {

    public DuplicateEntityIdException(String entityId) {
        super("a service provider with entityID " + entityId + " is already registered");
    }
}
