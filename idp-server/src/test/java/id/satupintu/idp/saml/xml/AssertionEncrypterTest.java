package id.satupintu.idp.saml.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.testsupport.Xmlsec1;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.w3c.dom.Element;

/**
 * Encrypted assertions as a service provider receives them: decrypted by xmlsec1 with the SP's private
 * key, then the assertion's signature verified by xmlsec1 and by our verifier.
 */
class AssertionEncrypterTest {

    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    private final SamlCredentials idp = TestSamlCredentials.shared();
    private final SamlCredentials.Credential spEncryption = TestSamlCredentials.unrelated().decryptionKeys().get(0);
    private final X509Certificate idpSigning = idp.signing().orElseThrow().certificate();
    private final XmlSigner signer = new XmlSigner(idp);
    private final AssertionEncrypter encrypter = new AssertionEncrypter();

    @Test
    void encryptWhenSpListsNothingThenAes256GcmWithRsaOaepMgf1pAndXmlsec1DecryptsToTheSignedAssertion() {
        Response response = signedAndEncryptedResponse(List.of());
        String xml = OpenSaml.toXml(response);
        Element encryptedData = first(response.getDOM(), XENC, "EncryptedData");

        assertThat(first(encryptedData, XENC, "EncryptionMethod").getAttribute("Algorithm"))
                .isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        Element keyTransport = first(first(encryptedData, XENC, "EncryptedKey"), XENC, "EncryptionMethod");
        assertThat(keyTransport.getAttribute("Algorithm")).isEqualTo(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        assertThat(xml).doesNotContain(TestSamlMessages.NAME_ID);
        assertDecryptsToVerifiedAssertion(xml);
    }

    @Test
    void encryptWhenSpListsXmlenc11RsaOaepThenSha256AndMgf1Sha256AndOurDecrypterReadsTheKey() {
        Response response = signedAndEncryptedResponse(List.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11,
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM));
        Element keyTransport = first(first(response.getDOM(), XENC, "EncryptedKey"), XENC, "EncryptionMethod");

        assertThat(keyTransport.getAttribute("Algorithm")).isEqualTo(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11);
        assertThat(first(keyTransport, "http://www.w3.org/2009/xmlenc11#", "MGF").getAttribute("Algorithm"))
                .isEqualTo(EncryptionConstants.ALGO_ID_MGF1_SHA256);
        assertThat(first(keyTransport, "http://www.w3.org/2000/09/xmldsig#", "DigestMethod").getAttribute("Algorithm"))
                .isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
    }

    @Test
    void chooseKeyTransportWhenSpDoesNotListXmlenc11ThenRsaOaepMgf1p() {
        assertThat(AssertionEncrypter.chooseKeyTransport(List.of())).isEqualTo(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        assertThat(AssertionEncrypter.chooseKeyTransport(List.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSA15)))
                .isEqualTo(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        assertThat(AssertionEncrypter.chooseKeyTransport(List.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11))).isEqualTo(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11);
    }

    @Test
    void encryptWhenSpListsOnlyCbcThenAes128CbcAndXmlsec1DecryptsIt() {
        Response response = signedAndEncryptedResponse(List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256, EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP));
        Element encryptedData = first(response.getDOM(), XENC, "EncryptedData");

        assertThat(first(encryptedData, XENC, "EncryptionMethod").getAttribute("Algorithm"))
                .isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128);
        assertThat(first(first(encryptedData, XENC, "EncryptedKey"), XENC, "EncryptionMethod").getAttribute("Algorithm"))
                .isEqualTo(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        assertDecryptsToVerifiedAssertion(OpenSaml.toXml(response));
    }

    @Test
    void encryptWhenEncryptedThenRecipientCertificateInKeyInfo() throws Exception {
        Response response = signedAndEncryptedResponse(List.of());
        Element encryptedKey = first(response.getDOM(), XENC, "EncryptedKey");
        String embedded = first(encryptedKey, "http://www.w3.org/2000/09/xmldsig#", "X509Certificate").getTextContent()
                .replaceAll("\\s", "");

        assertThat(java.util.Base64.getDecoder().decode(embedded)).isEqualTo(spEncryption.certificate().getEncoded());
    }

    @Test
    void encryptWhenRecipientKeyIsNotRsaThenIllegalStateException() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        java.security.KeyPair pair = generator.generateKeyPair();
        X509Certificate ec = id.satupintu.keys.cert.Certificates.selfSigned(
                id.satupintu.keys.ManagedKey.generated("ec", id.satupintu.keys.KeyPurpose.SAML_SIGNING,
                        id.satupintu.keys.KeySpec.of(id.satupintu.keys.KeyAlgorithm.ES256), "memory", pair.getPublic(),
                        java.time.Instant.now()),
                id.satupintu.keys.PrivateKeyHandle.software(pair.getPrivate()),
                id.satupintu.keys.cert.SubjectNames.parse("CN=ec"), java.time.Duration.ofDays(1), java.time.Clock.systemUTC());

        assertThatThrownBy(() -> encrypter.encrypt(TestSamlMessages.assertion(), ec, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must hold an RSA key");
    }

    @Test
    void chooseDataEncryptionWhenNothingListedThenAes256Gcm() {
        assertThat(AssertionEncrypter.chooseDataEncryption(List.of()))
                .isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        assertThat(AssertionEncrypter.chooseDataEncryption(null))
                .isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        assertThat(AssertionEncrypter.chooseDataEncryption(List.of(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP)))
                .isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
    }

    @Test
    void chooseDataEncryptionWhenGcmAndCbcListedThenGcm() {
        assertThat(AssertionEncrypter.chooseDataEncryption(List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM))).isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        assertThat(AssertionEncrypter.chooseDataEncryption(List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM))).isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM);
    }

    @Test
    void chooseDataEncryptionWhenOnlyCbcListedThenAes128CbcFirst() {
        assertThat(AssertionEncrypter.chooseDataEncryption(List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256,
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128))).isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128);
        assertThat(AssertionEncrypter.chooseDataEncryption(List.of(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256)))
                .isEqualTo(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256);
    }

    private Response signedAndEncryptedResponse(List<String> spMethods) {
        Response response = TestSamlMessages.responseWithoutAssertion();
        Assertion assertion = TestSamlMessages.assertion();
        signer.sign(assertion);
        EncryptedAssertion encrypted = encrypter.encrypt(assertion, spEncryption.certificate(), spMethods);
        response.getEncryptedAssertions().add(encrypted);
        signer.sign(response);
        return response;
    }

    /** As the SP does it: verify the response, decrypt (xmlsec1), verify the assertion (xmlsec1 and ours). */
    private void assertDecryptsToVerifiedAssertion(String responseXml) {
        Xmlsec1.Result response = Xmlsec1.verify(responseXml, idpSigning, Xmlsec1.RESPONSE);
        assertThat(response.ok()).as(response.toString()).isTrue();

        Response received = TestSamlMessages.reparse(responseXml);
        String encryptedAssertion = OpenSaml.toXml(received.getEncryptedAssertions().get(0).getDOM());
        String decrypted = Xmlsec1.decrypt(encryptedAssertion, spEncryption.privateKey().key());

        assertThat(decrypted).contains(TestSamlMessages.NAME_ID);
        Xmlsec1.Result assertion = Xmlsec1.verify(decrypted, idpSigning, Xmlsec1.ASSERTION);
        assertThat(assertion.ok()).as(assertion.toString()).isTrue();
        EncryptedAssertion holder = TestSamlMessages.reparse(decrypted);
        Assertion plain = (Assertion) OpenSaml.unmarshal(first(holder.getDOM(), "urn:oasis:names:tc:SAML:2.0:assertion",
                "Assertion"));
        new XmlSignatureVerifier().verifyEnveloped(plain, List.of(idpSigning));
    }

    private static Element first(Element parent, String namespace, String localName) {
        Element found = (Element) parent.getElementsByTagNameNS(namespace, localName).item(0);
        assertThat(found).as(localName).isNotNull();
        return found;
    }
}
