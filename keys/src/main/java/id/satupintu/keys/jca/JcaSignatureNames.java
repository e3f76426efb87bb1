package id.satupintu.keys.jca;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.UnsupportedKeyException;

/** The standard JCA {@code Signature} algorithm name of each JOSE signing algorithm. */
final class JcaSignatureNames {

    private JcaSignatureNames() {
    }

    /**
     * @return {@code SHA256withRSA} (RS256), {@code RSASSA-PSS} (PS256, parameters set by the signer,
     *     RFC 7518 §3.5), {@code SHA256withECDSA} (ES256, DER output, RFC 7518 §3.4 wants R||S) or
     *     {@code Ed25519} (EdDSA, RFC 8037 §3.1)
     * @throws UnsupportedKeyException for an algorithm that does not sign
     */
    static String of(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RS256 -> "SHA256withRSA";
            case PS256 -> "RSASSA-PSS";
            case ES256 -> "SHA256withECDSA";
            case EDDSA -> "Ed25519";
            case RSA_OAEP_256 -> throw new UnsupportedKeyException(algorithm.joseName() + " keys do not sign");
        };
    }
}
