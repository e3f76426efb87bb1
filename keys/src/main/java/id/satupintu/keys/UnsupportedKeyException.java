package id.satupintu.keys;

/** An algorithm, key size or purpose combination SatuPintu does not support; the message says what is. */
public class UnsupportedKeyException extends KeyStoreFailure {

    private static final long serialVersionUID = 1L;

    public UnsupportedKeyException(String message) {
        super(message);
    }
}
