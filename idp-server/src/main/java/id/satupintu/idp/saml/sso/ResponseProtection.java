package id.satupintu.idp.saml.sso;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.xml.AssertionEncrypter;
import id.satupintu.idp.saml.xml.XmlSigner;

/**
 * Signs and encrypts a response for one SP (SAML Profiles §4.1.3.5 and §4.1.4.2):
 * <ol>
 * <li>the assertion is signed when the SP's settings sign the assertion, or its metadata says
 *     {@code WantAssertionsSigned};</li>
 * <li>then encrypted, when the settings ask for it and the metadata has an encryption certificate
 *     (AES-256-GCM with RSA-OAEP; AES-128-CBC only where the metadata lists only CBC);</li>
 * <li>then the response is signed when the settings sign the response.</li>
 * </ol>
 * Signing before encrypting lets the SP verify the assertion after decrypting it; signing the
 * response last covers the encrypted assertion too. Failure responses carry no assertion and are
 * always signed, so an SP can trust the status.
 */
final class ResponseProtection {

    private final XmlSigner signer;
    private final AssertionEncrypter encrypter;

    ResponseProtection(XmlSigner signer, AssertionEncrypter encrypter) {
        this.signer = signer;
        this.encrypter = encrypter;
    }

    Response protect(Response response, Assertion assertion, ServiceProvider sp) {
        ServiceProvider.SignedParts parts = sp.settings().signedParts();
        if (parts.signsAssertion() || sp.wantAssertionsSigned()) {
            signer.sign(assertion);
        }
        if (encrypts(sp)) {
            response.getEncryptedAssertions().add(
                    encrypter.encrypt(assertion, sp.encryptionCertificates().get(0), sp.encryptionMethods()));
        } else {
            response.getAssertions().add(assertion);
        }
        if (parts.signsResponse()) {
            signer.sign(response);
        }
        return response;
    }

    Response protectFailure(Response response) {
        signer.sign(response);
        return response;
    }

    static boolean encrypts(ServiceProvider sp) {
        return sp.settings().encryptAssertions() && !sp.encryptionCertificates().isEmpty();
    }
}
