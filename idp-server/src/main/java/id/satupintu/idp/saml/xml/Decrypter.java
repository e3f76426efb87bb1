package id.satupintu.idp.saml.xml;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.keys.PrivateKeyHandle;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.EncryptedID;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.xmlsec.encryption.EncryptedData;
import org.opensaml.xmlsec.encryption.EncryptedKey;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.DocumentFragment;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decrypts what service providers encrypted for this IdP: an {@code EncryptedID} in a
 * {@code LogoutRequest} (SAML Core §2.2.4, §3.7.1). Tries the ACTIVE SAML encryption key, then the
 * RETIRED ones (an SP may still encrypt to a certificate from metadata it cached).
 *
 * <p>The AES key is unwrapped here with the JCA and the key's own provider, so an HSM-held key
 * works through its PKCS#11 provider without being registered globally. Key transport: RSA-OAEP only
 * ({@code xmlenc#rsa-oaep-mgf1p} and {@code xmlenc11#rsa-oaep}); RSA PKCS#1 v1.5 is refused (its
 * padding oracle, XML Encryption 1.1 §5.5.1). Data: AES-GCM and AES-CBC. Thread-safe.
 */
public final class Decrypter {

    private static final Map<String, Integer> DATA_KEY_BYTES = Map.of(
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM, 16,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192_GCM, 24,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM, 32,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128, 16,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192, 24,
            EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256, 32);

    private static final Map<String, String> DIGESTS = Map.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA1, "SHA-1",
            SignatureConstants.ALGO_ID_DIGEST_SHA256, "SHA-256",
            SignatureConstants.ALGO_ID_DIGEST_SHA384, "SHA-384",
            SignatureConstants.ALGO_ID_DIGEST_SHA512, "SHA-512");

    private static final Map<String, MGF1ParameterSpec> MASKS = Map.of(
            EncryptionConstants.ALGO_ID_MGF1_SHA1, MGF1ParameterSpec.SHA1,
            EncryptionConstants.ALGO_ID_MGF1_SHA256, MGF1ParameterSpec.SHA256,
            EncryptionConstants.ALGO_ID_MGF1_SHA384, MGF1ParameterSpec.SHA384,
            EncryptionConstants.ALGO_ID_MGF1_SHA512, MGF1ParameterSpec.SHA512);

    private static final String XENC11_NS = "http://www.w3.org/2009/xmlenc11#";

    private final SamlCredentials credentials;
    private final org.opensaml.xmlsec.encryption.support.Decrypter dataDecrypter;

    public Decrypter(SamlCredentials credentials) {
        OpenSaml.initialize();
        this.credentials = credentials;
        this.dataDecrypter = new org.opensaml.xmlsec.encryption.support.Decrypter(null, null, null);
    }

    /**
     * @throws DecryptionFailedException when the element is malformed, uses a refused algorithm, or no
     *         SAML encryption key of this IdP decrypts it
     */
    public NameID decrypt(EncryptedID id) {
        XMLObject decrypted = decryptToObject(id.getEncryptedData(), encryptedKeys(id));
        if (decrypted instanceof NameID nameId) {
            return nameId;
        }
        throw new DecryptionFailedException("the EncryptedID does not hold a NameID");
    }

    private static List<EncryptedKey> encryptedKeys(EncryptedID id) {
        List<EncryptedKey> keys = new ArrayList<>(id.getEncryptedKeys());
        if (id.getEncryptedData() != null && id.getEncryptedData().getKeyInfo() != null) {
            keys.addAll(id.getEncryptedData().getKeyInfo().getEncryptedKeys());
        }
        return keys;
    }

    private XMLObject decryptToObject(EncryptedData data, List<EncryptedKey> keys) {
        if (data == null || data.getEncryptionMethod() == null || data.getEncryptionMethod().getAlgorithm() == null) {
            throw new DecryptionFailedException("no EncryptedData with an EncryptionMethod");
        }
        String dataAlgorithm = data.getEncryptionMethod().getAlgorithm();
        Integer keyBytes = DATA_KEY_BYTES.get(dataAlgorithm);
        if (keyBytes == null) {
            throw new DecryptionFailedException("data encryption " + dataAlgorithm + " is not allowed");
        }
        if (keys.isEmpty()) {
            throw new DecryptionFailedException("no EncryptedKey");
        }
        List<SamlCredentials.Credential> candidates = credentials.decryptionKeys();
        if (candidates.isEmpty()) {
            throw new DecryptionFailedException("this node has no SAML encryption key");
        }
        for (EncryptedKey encryptedKey : keys) {
            OAEPParameterSpec oaep = oaepParameters(encryptedKey);
            byte[] wrapped = cipherValue(encryptedKey);
            for (SamlCredentials.Credential credential : candidates) {
                byte[] aesKey = unwrap(credential.privateKey(), oaep, wrapped);
                if (aesKey != null && aesKey.length == keyBytes) {
                    return decryptData(data, new SecretKeySpec(aesKey, "AES"));
                }
            }
        }
        throw new DecryptionFailedException("no SAML encryption key of this IdP decrypts it");
    }

    private XMLObject decryptData(EncryptedData data, Key key) {
        try {
            DocumentFragment fragment = dataDecrypter.decryptDataToDOM(data, key);
            for (Node child = fragment.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    return OpenSaml.unmarshal(element);
                }
            }
            throw new DecryptionFailedException("the decrypted content holds no element");
        } catch (DecryptionException | XmlRejectedException e) {
            throw new DecryptionFailedException("the encrypted content does not decrypt to a SAML element", e);
        }
    }

    private static OAEPParameterSpec oaepParameters(EncryptedKey key) {
        if (key.getEncryptionMethod() == null || key.getEncryptionMethod().getDOM() == null) {
            throw new DecryptionFailedException("the EncryptedKey has no EncryptionMethod");
        }
        Element method = key.getEncryptionMethod().getDOM();
        String algorithm = method.getAttributeNS(null, "Algorithm");
        boolean mgf1p = EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP.equals(algorithm);
        if (!mgf1p && !EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11.equals(algorithm)) {
            throw new DecryptionFailedException("key transport " + algorithm + " is not allowed");
        }
        String digest = "SHA-1";
        MGF1ParameterSpec mask = MGF1ParameterSpec.SHA1;
        PSource source = PSource.PSpecified.DEFAULT;
        for (Node child = method.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            String name = element.getLocalName();
            if ("DigestMethod".equals(name) && SignatureConstants.XMLSIG_NS.equals(element.getNamespaceURI())) {
                digest = DIGESTS.get(element.getAttributeNS(null, "Algorithm"));
                if (digest == null) {
                    throw new DecryptionFailedException("OAEP digest " + element.getAttributeNS(null, "Algorithm")
                            + " is not allowed");
                }
            } else if ("MGF".equals(name) && XENC11_NS.equals(element.getNamespaceURI()) && !mgf1p) {
                mask = MASKS.get(element.getAttributeNS(null, "Algorithm"));
                if (mask == null) {
                    throw new DecryptionFailedException("OAEP mask generation " + element.getAttributeNS(null, "Algorithm")
                            + " is not allowed");
                }
            } else if ("OAEPparams".equals(name)) {
                try {
                    source = new PSource.PSpecified(Base64.getMimeDecoder().decode(element.getTextContent()));
                } catch (IllegalArgumentException e) {
                    throw new DecryptionFailedException("the OAEPparams are not base64", e);
                }
            }
        }
        return new OAEPParameterSpec(digest, "MGF1", mask, source);
    }

    private static byte[] cipherValue(EncryptedKey key) {
        if (key.getCipherData() == null || key.getCipherData().getCipherValue() == null
                || key.getCipherData().getCipherValue().getValue() == null) {
            throw new DecryptionFailedException("the EncryptedKey has no CipherValue");
        }
        try {
            return Base64.getMimeDecoder().decode(key.getCipherData().getCipherValue().getValue());
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("the EncryptedKey's CipherValue is not base64", e);
        }
    }

    /** @return the AES key, or null when this private key does not decrypt it (another key may) */
    private static byte[] unwrap(PrivateKeyHandle handle, OAEPParameterSpec oaep, byte[] wrapped) {
        try {
            Cipher cipher = handle.isHardwareBound()
                    ? Cipher.getInstance("RSA/ECB/OAEPPadding", handle.provider())
                    : Cipher.getInstance("RSA/ECB/OAEPPadding");
            cipher.init(Cipher.DECRYPT_MODE, handle.key(), oaep);
            return cipher.doFinal(wrapped);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
