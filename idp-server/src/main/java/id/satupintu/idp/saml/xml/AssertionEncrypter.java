package id.satupintu.idp.saml.xml;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.RSAOAEPParameters;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Encrypts assertions for a service provider that publishes an encryption certificate
 * (SAML Core §6.2, {@code EncryptedAssertion} §2.3.4; XML Encryption 1.1).
 *
 * <p>Data: AES-256-GCM, unless the SP's metadata {@code EncryptionMethod}s (SAML Metadata §2.4.1.1)
 * list CBC methods and no GCM one, for service providers that cannot decrypt GCM. Key transport:
 * RSA-OAEP, as {@code xmlenc#rsa-oaep-mgf1p} (XML Encryption 1.0 §5.4.2) unless the SP lists
 * {@code xmlenc11#rsa-oaep} (SHA-256 digest, MGF1 with SHA-256, XML Encryption 1.1 §5.5.2): the 1.1
 * identifier is unknown to xmlsec1 1.2, the library of pysaml2 and mod_auth_mellon, so sending it to an
 * SP that did not ask for it breaks single sign-on. Never RSA PKCS#1 v1.5. The wrapped AES key travels inline in the
 * {@code EncryptedData}'s KeyInfo, with the recipient's certificate so the SP knows which key to use.
 * Sign the assertion first: its signature is encrypted with it. Thread-safe.
 */
public final class AssertionEncrypter {

    private static final List<String> GCM_PREFERENCE = List.of(
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192_GCM);

    private static final List<String> CBC_PREFERENCE = List.of(
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192);

    private final KeyInfoGenerator recipientKeyInfo;

    public AssertionEncrypter() {
        OpenSaml.initialize();
        X509KeyInfoGeneratorFactory factory = new X509KeyInfoGeneratorFactory();
        factory.setEmitEntityCertificate(true);
        this.recipientKeyInfo = factory.newInstance();
    }

    /**
     * @param recipient the SP's encryption certificate from its metadata
     * @param spEncryptionMethods the algorithm URIs of the SP's {@code md:EncryptionMethod}s; empty when none listed
     * @throws IllegalStateException when the certificate's key cannot transport an AES key (not RSA)
     */
    public EncryptedAssertion encrypt(Assertion assertion, X509Certificate recipient, List<String> spEncryptionMethods) {
        if (!"RSA".equals(recipient.getPublicKey().getAlgorithm())) {
            throw new IllegalStateException("the SP's encryption certificate must hold an RSA key, not "
                    + recipient.getPublicKey().getAlgorithm());
        }
        List<String> methods = spEncryptionMethods == null ? List.of() : spEncryptionMethods;
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(chooseDataEncryption(methods));
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(recipient));
        key.setKeyInfoGenerator(recipientKeyInfo);
        key.setAlgorithm(chooseKeyTransport(methods));
        if (EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11.equals(key.getAlgorithm())) {
            key.setRSAOAEPParameters(new RSAOAEPParameters(SignatureConstants.ALGO_ID_DIGEST_SHA256,
                    EncryptionConstants.ALGO_ID_MGF1_SHA256, null));
        } else {
            // MGF1 with SHA-1 is fixed by this algorithm; SHA-1 as OAEP digest is its default, the one every
            // implementation reads (OAEP does not rely on SHA-1's collision resistance)
            key.setRSAOAEPParameters(new RSAOAEPParameters(SignatureConstants.ALGO_ID_DIGEST_SHA1, null, null));
        }
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            return encrypter.encrypt(assertion);
        } catch (EncryptionException e) {
            throw new IllegalStateException("could not encrypt the assertion", e);
        }
    }

    /**
     * @return {@code xmlenc11#rsa-oaep} (SHA-256, MGF1-SHA-256) when the SP's metadata lists it, otherwise
     *         {@code xmlenc#rsa-oaep-mgf1p}: XML Encryption 1.0's RSA-OAEP, the one every SAML stack decrypts
     *         (xmlsec1 1.2, under pysaml2 and mod_auth_mellon, does not know {@code xmlenc11#rsa-oaep})
     */
    public static String chooseKeyTransport(List<String> spEncryptionMethods) {
        List<String> methods = spEncryptionMethods == null ? List.of() : spEncryptionMethods;
        return methods.contains(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11)
                ? EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11
                : EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP;
    }

    /**
     * @return AES-256-GCM by default or when the SP lists it; another GCM size the SP lists; a CBC method
     *         (AES-128-CBC first) only when the SP lists CBC methods and no GCM one
     */
    public static String chooseDataEncryption(List<String> spEncryptionMethods) {
        List<String> methods = spEncryptionMethods == null ? List.of() : spEncryptionMethods;
        for (String gcm : GCM_PREFERENCE) {
            if (methods.contains(gcm)) {
                return gcm;
            }
        }
        for (String cbc : CBC_PREFERENCE) {
            if (methods.contains(cbc)) {
                return cbc;
            }
        }
        return EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM;
    }
}
