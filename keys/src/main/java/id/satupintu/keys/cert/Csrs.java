package id.satupintu.keys.cert;

import java.io.IOException;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certification requests (RFC 2986) to hand to a certificate authority. The request is
 * signed with the managed key (proof of possession, RFC 2986 §3) and asks, through the
 * extensionRequest attribute (RFC 2985 §5.4.2), for the same end-entity extensions a
 * self-signed certificate would carry.
 */
public final class Csrs {

    private Csrs() {
    }

    /** @return the request as a PEM {@code CERTIFICATE REQUEST} block */
    public static String createPem(ManagedKey key, PrivateKeyHandle signer, String subject) {
        return Pem.write(create(key, signer, SubjectNames.parse(subject)));
    }

    /** @throws KeyStoreFailure when the key cannot sign */
    public static PKCS10CertificationRequest create(ManagedKey key, PrivateKeyHandle signer, X500Name subject) {
        try {
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            extensions.addExtension(Extension.keyUsage, true, Certificates.keyUsage(key.spec().algorithm()));
            return new JcaPKCS10CertificationRequestBuilder(subject, key.publicKey())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(ContentSigners.forKey(key, signer));
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot make a certification request for key " + key.kid() + ": " + e.getMessage(), e);
        }
    }
}
