package id.satupintu.keys;

/** Key material could not be generated, read or written. The message never contains key material. */
public class KeyStoreFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyStoreFailure(String message) {
        super(message);
    }

    public KeyStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
