package id.satupintu.idp.saml.xml;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.saml.common.SignableSAMLObject;

/** Verifies signatures on SAML messages received from service providers. */
public final class XmlSignatureVerifier {

    public void verifyEnveloped(SignableSAMLObject object, List<X509Certificate> trusted) {
        throw new UnsupportedOperationException("in progress");
    }

    public void verifyRedirect(byte[] signedOctets, String sigAlg, byte[] signature, List<X509Certificate> trusted) {
        throw new UnsupportedOperationException("in progress");
    }
}
