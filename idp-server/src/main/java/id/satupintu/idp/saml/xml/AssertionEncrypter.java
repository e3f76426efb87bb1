package id.satupintu.idp.saml.xml;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;

/** Encrypts assertions for a service provider. */
public final class AssertionEncrypter {

    public EncryptedAssertion encrypt(Assertion assertion, X509Certificate recipient, List<String> spEncryptionMethods) {
        throw new UnsupportedOperationException("in progress");
    }

    public static String chooseDataEncryption(List<String> spEncryptionMethods) {
        throw new UnsupportedOperationException("in progress");
    }
}
