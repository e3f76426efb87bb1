package id.satupintu.keys.store.database;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyStoreFailure;

/**
 * Software key pairs with the JDK's own providers (RSA 2048/3072, ECDSA P-256, Ed25519), and the
 * way back from their encodings: PKCS#8 {@code OneAsymmetricKey} (RFC 5958) for private keys and
 * X.509 {@code SubjectPublicKeyInfo} (RFC 5280 §4.1.2.7) for public keys. Keys are JDK key
 * objects, so signers may pick any provider.
 */
final class SoftwareKeyPairs {

    private SoftwareKeyPairs() {
    }

    /** Decodes a PKCS#8 private key of any family this class generates, reading its algorithm from the encoding. */
    static PrivateKey privateKey(byte[] pkcs8) {
        String algorithm;
        try {
            algorithm = jcaName(PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm().getAlgorithm());
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no cause: parser messages could quote the key bytes
            throw new KeyStoreFailure("a decrypted private key is not a PKCS#8 key this back end knows");
        }
    }

    static PublicKey publicKey(KeyAlgorithm algorithm, byte[] subjectPublicKeyInfo) {
        String name = switch (algorithm.family()) {
            case RSA -> "RSA";
            case EC -> "EC";
            case OKP -> "Ed25519";
        };
        try {
            return KeyFactory.getInstance(name).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("a stored " + algorithm.joseName() + " public key cannot be decoded", e);
        }
    }

    private static String jcaName(ASN1ObjectIdentifier oid) {
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return "RSA";
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return "EC";
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return "Ed25519";
        }
        throw new IllegalArgumentException("unknown private key algorithm " + oid);
    }
}
