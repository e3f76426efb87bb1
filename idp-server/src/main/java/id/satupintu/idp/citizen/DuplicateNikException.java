package id.satupintu.idp.citizen;

/** Another account already holds this NIK. The message carries only the masked NIK. */
public class DuplicateNikException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateNikException(String maskedNik, Throwable cause) {
        super("an account already exists for NIK " + maskedNik, cause);
    }
}
