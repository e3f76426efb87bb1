package id.satupintu.idp.saml.xml;

import id.satupintu.idp.keys.SamlCredentials;
import org.opensaml.saml.saml2.core.EncryptedID;
import org.opensaml.saml.saml2.core.NameID;

/** Decrypts what service providers encrypted for this IdP. */
public final class Decrypter {

    private final SamlCredentials credentials;

    public Decrypter(SamlCredentials credentials) {
        this.credentials = credentials;
    }

    public NameID decrypt(EncryptedID id) {
        throw new UnsupportedOperationException("in progress");
    }
}
