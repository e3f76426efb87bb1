package id.satupintu.idp.saml.sso;

import org.opensaml.saml.common.SignableSAMLObject;
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

    static final String SIGNING_UNAVAILABLE = "saml.sso.signing_unavailable";

    private final XmlSigner signer;
    private final AssertionEncrypter encrypter;

    ResponseProtection(XmlSigner signer, AssertionEncrypter encrypter) {
        this.signer = signer;
        this.encrypter = encrypter;
    }

    Response protect(Response response, Assertion assertion, ServiceProvider sp) {
        ServiceProvider.SignedParts parts = sp.settings().signedParts();
        if (parts.signsAssertion() || sp.wantAssertionsSigned()) {
            sign(assertion, sp);
        }
        if (encrypts(sp)) {
            response.getEncryptedAssertions().add(
                    encrypter.encrypt(assertion, sp.encryptionCertificates().get(0), sp.encryptionMethods()));
        } else {
            response.getAssertions().add(assertion);
        }
        if (parts.signsResponse()) {
            sign(response, sp);
        }
        return response;
    }

    Response protectFailure(Response response, ServiceProvider sp) {
        sign(response, sp);
        return response;
    }

    /**
     * No ACTIVE SAML signing key on this node (an HSM unreachable, keys not yet generated): nothing
     * trustworthy can be sent, so the citizen gets an error page (503) rather than a server error.
     */
    private void sign(SignableSAMLObject object, ServiceProvider sp) {
        try {
            signer.sign(object);
        } catch (IllegalStateException e) {
            throw new SsoRefusal(SIGNING_UNAVAILABLE, "no_active_saml_signing_key", 503, "saml.error.unavailable",
                    sp.entityId());
        }
    }

    static boolean encrypts(ServiceProvider sp) {
        return sp.settings().encryptAssertions() && !sp.encryptionCertificates().isEmpty();
    }
}
