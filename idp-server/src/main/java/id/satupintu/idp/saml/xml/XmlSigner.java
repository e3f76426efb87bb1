package id.satupintu.idp.saml.xml;

import java.security.cert.X509Certificate;

import id.satupintu.idp.keys.SamlCredentials;
import org.opensaml.saml.common.SignableSAMLObject;

/** Signs SAML messages with the ACTIVE SAML signing key. */
public final class XmlSigner {

    private final SamlCredentials credentials;

    public XmlSigner(SamlCredentials credentials) {
        this.credentials = credentials;
    }

    public void sign(SignableSAMLObject object) {
        throw new UnsupportedOperationException("in progress");
    }

    public RedirectSignature signRedirect(byte[] signedOctets) {
        throw new UnsupportedOperationException("in progress");
    }

    public X509Certificate signingCertificate() {
        throw new UnsupportedOperationException("in progress");
    }
}
