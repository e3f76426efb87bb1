package id.satupintu.keys.cert;

import id.satupintu.keys.KeyStoreFailure;

/** A certificate or chain that cannot be used for a managed key; the message says why. */
public class InvalidCertificateChainException extends KeyStoreFailure {

    private static final long serialVersionUID = 1L;

    public InvalidCertificateChainException(String message) {
        super(message);
    }

    public InvalidCertificateChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
