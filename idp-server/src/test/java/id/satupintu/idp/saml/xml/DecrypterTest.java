package id.satupintu.idp.saml.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.EncryptedID;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.RSAOAEPParameters;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** Encrypted NameIDs in LogoutRequests, encrypted as a service provider's OpenSAML does it, read back by the IdP. */
class DecrypterTest {

    private final SamlCredentials idp = TestSamlCredentials.shared();
    private final X509Certificate idpEncryption = idp.decryptionKeys().get(0).certificate();
    private final Decrypter decrypter = new Decrypter(idp);

    @Test
    void decryptWhenAes256GcmAndXmlenc11RsaOaepToActiveKeyThenNameId() {
        EncryptedID encrypted = received(encrypt(idpEncryption, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11, Encrypter.KeyPlacement.INLINE));

        NameID nameId = decrypter.decrypt(encrypted);

        assertThat(nameId.getValue()).isEqualTo(TestSamlMessages.NAME_ID);
        assertThat(nameId.getFormat()).isEqualTo(NameID.PERSISTENT);
        assertThat(nameId.getSPNameQualifier()).isEqualTo(TestSamlMessages.SP);
    }

    @Test
    void decryptWhenAes128CbcAndRsaOaepMgf1pWithPeerKeyThenNameId() {
        EncryptedID encrypted = received(encrypt(idpEncryption, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP, Encrypter.KeyPlacement.PEER));

        assertThat(decrypter.decrypt(encrypted).getValue()).isEqualTo(TestSamlMessages.NAME_ID);
    }

    @Test
    void decryptWhenEncryptedToRetiredKeyThenNameId() {
        SamlCredentials rotated = TestSamlCredentials.withRotatedEncryptionKey();
        X509Certificate retired = rotated.decryptionKeys().get(1).certificate();
        EncryptedID encrypted = received(encrypt(retired, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11, Encrypter.KeyPlacement.INLINE));

        assertThat(new Decrypter(rotated).decrypt(encrypted).getValue()).isEqualTo(TestSamlMessages.NAME_ID);
    }

    @Test
    void decryptWhenKeyIsBoundToAnUninstalledProviderThenThatProviderUnwrapsTheKey() {
        UninstalledProvider hsm = new UninstalledProvider();
        SamlCredentials bound = TestSamlCredentials.boundTo(hsm);
        EncryptedID encrypted = received(encrypt(bound.decryptionKeys().get(0).certificate(),
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM, EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11,
                Encrypter.KeyPlacement.INLINE));
        int before = hsm.decryptions.get();

        assertThat(new Decrypter(bound).decrypt(encrypted).getValue()).isEqualTo(TestSamlMessages.NAME_ID);
        assertThat(hsm.decryptions.get() - before).isEqualTo(1);
    }

    @Test
    void decryptWhenEncryptedToAnotherKeyThenDecryptionFailed() {
        X509Certificate other = TestSamlCredentials.unrelated().decryptionKeys().get(0).certificate();
        EncryptedID encrypted = received(encrypt(other, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11, Encrypter.KeyPlacement.INLINE));

        assertThatThrownBy(() -> decrypter.decrypt(encrypted)).isInstanceOf(DecryptionFailedException.class)
                .hasMessage("no SAML encryption key of this IdP decrypts it");
    }

    @Test
    void decryptWhenRsaPkcs1v15KeyTransportThenRefused() {
        EncryptedID encrypted = received(encrypt(idpEncryption, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15, Encrypter.KeyPlacement.INLINE));

        assertThatThrownBy(() -> decrypter.decrypt(encrypted)).isInstanceOf(DecryptionFailedException.class)
                .hasMessage("key transport " + EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15 + " is not allowed");
    }

    @Test
    void decryptWhenTripleDesDataThenRefused() {
        EncryptedID encrypted = received(encrypt(idpEncryption, EncryptionConstants.ALGO_ID_BLOCKCIPHER_TRIPLEDES,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP, Encrypter.KeyPlacement.INLINE));

        assertThatThrownBy(() -> decrypter.decrypt(encrypted)).isInstanceOf(DecryptionFailedException.class)
                .hasMessage("data encryption " + EncryptionConstants.ALGO_ID_BLOCKCIPHER_TRIPLEDES + " is not allowed");
    }

    @Test
    void decryptWhenCipherTextTamperedThenDecryptionFailed() {
        String xml = OpenSaml.toXml(logoutRequestWith(encrypt(idpEncryption,
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM, EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11,
                Encrypter.KeyPlacement.INLINE)));
        LogoutRequest request = TestSamlMessages.reparse(xml);
        var cipherValue = request.getEncryptedID().getEncryptedData().getCipherData().getCipherValue();
        byte[] bytes = java.util.Base64.getMimeDecoder().decode(cipherValue.getValue());
        bytes[bytes.length - 20] ^= 1;
        cipherValue.getDOM().setTextContent(java.util.Base64.getEncoder().encodeToString(bytes));
        LogoutRequest tampered = TestSamlMessages.reparse(OpenSaml.toXml(request.getDOM()));

        assertThatThrownBy(() -> decrypter.decrypt(tampered.getEncryptedID())).isInstanceOf(DecryptionFailedException.class)
                .hasMessage("the encrypted content does not decrypt to a SAML element");
    }

    @Test
    void decryptWhenNodeHasNoSamlEncryptionKeyThenDecryptionFailed() {
        EncryptedID encrypted = received(encrypt(idpEncryption, EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11, Encrypter.KeyPlacement.INLINE));

        assertThatThrownBy(() -> new Decrypter(TestSamlCredentials.withoutKeys()).decrypt(encrypted))
                .isInstanceOf(DecryptionFailedException.class).hasMessage("this node has no SAML encryption key");
    }

    @Test
    void decryptWhenHandBuiltEncryptedIdHoldsANameIdThenNameId() throws Exception {
        EncryptedID encrypted = handBuilt("<saml:NameID xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
                + "hand-made</saml:NameID>");

        assertThat(decrypter.decrypt(encrypted).getValue()).isEqualTo("hand-made");
    }

    @Test
    void decryptWhenPlaintextCarriesADtdWithAnExternalEntityThenDecryptionFailed() throws Exception {
        EncryptedID encrypted = handBuilt("<!DOCTYPE n [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<saml:NameID xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">&xxe;</saml:NameID>");

        assertThatThrownBy(() -> decrypter.decrypt(encrypted)).isInstanceOf(DecryptionFailedException.class)
                .hasMessage("the encrypted content does not decrypt to a SAML element");
    }

    @Test
    void decryptWhenPlaintextIsNoNameIdThenDecryptionFailed() throws Exception {
        EncryptedID encrypted = handBuilt("<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">x</saml:Issuer>");

        assertThatThrownBy(() -> decrypter.decrypt(encrypted)).isInstanceOf(DecryptionFailedException.class)
                .hasMessage("the EncryptedID does not hold a NameID");
    }

    /**
     * An EncryptedID built byte by byte (XML Encryption 1.1 §5.2.4: AES-GCM is IV || ciphertext || tag), so
     * the plaintext can be anything an attacker chooses, not only what OpenSAML would encrypt.
     */
    private EncryptedID handBuilt(String plaintext) throws Exception {
        javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES");
        generator.init(256);
        javax.crypto.SecretKey aes = generator.generateKey();
        byte[] iv = new byte[12];
        new java.security.SecureRandom().nextBytes(iv);
        javax.crypto.Cipher data = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        data.init(javax.crypto.Cipher.ENCRYPT_MODE, aes, new javax.crypto.spec.GCMParameterSpec(128, iv));
        byte[] sealed = data.doFinal(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] cipherValue = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, cipherValue, 0, iv.length);
        System.arraycopy(sealed, 0, cipherValue, iv.length, sealed.length);
        javax.crypto.Cipher wrap = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        wrap.init(javax.crypto.Cipher.ENCRYPT_MODE, idpEncryption.getPublicKey());
        byte[] wrapped = wrap.doFinal(aes.getEncoded());
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        String xml = "<saml:EncryptedID xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
                + "<xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\" "
                + "Type=\"http://www.w3.org/2001/04/xmlenc#Element\">"
                + "<xenc:EncryptionMethod Algorithm=\"" + EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM + "\"/>"
                + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><xenc:EncryptedKey>"
                + "<xenc:EncryptionMethod Algorithm=\"" + EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP + "\"/>"
                + "<xenc:CipherData><xenc:CipherValue>" + base64.encodeToString(wrapped) + "</xenc:CipherValue>"
                + "</xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>"
                + "<xenc:CipherData><xenc:CipherValue>" + base64.encodeToString(cipherValue) + "</xenc:CipherValue>"
                + "</xenc:CipherData></xenc:EncryptedData></saml:EncryptedID>";
        return TestSamlMessages.reparse(xml);
    }

    /** As a service provider's OpenSAML encrypts the NameID of its LogoutRequest for the IdP's certificate. */
    private static EncryptedID encrypt(X509Certificate recipient, String dataAlgorithm, String keyTransport,
                                       Encrypter.KeyPlacement placement) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(dataAlgorithm);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(recipient));
        key.setAlgorithm(keyTransport);
        if (EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11.equals(keyTransport)) {
            key.setRSAOAEPParameters(new RSAOAEPParameters(SignatureConstants.ALGO_ID_DIGEST_SHA256,
                    EncryptionConstants.ALGO_ID_MGF1_SHA256, null));
        }
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(placement);
        try {
            return encrypter.encrypt(TestSamlMessages.nameId(TestSamlMessages.NAME_ID));
        } catch (org.opensaml.xmlsec.encryption.support.EncryptionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LogoutRequest logoutRequestWith(EncryptedID encrypted) {
        LogoutRequest request = TestSamlMessages.logoutRequest();
        request.setNameID(null);
        request.setEncryptedID(encrypted);
        return request;
    }

    /** @return the EncryptedID as the IdP reads it: from the LogoutRequest's XML, through the hardened parser */
    private static EncryptedID received(EncryptedID encrypted) {
        LogoutRequest request = TestSamlMessages.reparse(OpenSaml.toXml(logoutRequestWith(encrypted)));
        return request.getEncryptedID();
    }
}
