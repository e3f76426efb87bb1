package id.satupintu.idp.keys;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;

/**
 * The SAML keys, for the future {@code saml} package (no OpenSAML types here): the ACTIVE signing
 * key with its certificate and private key, the certificates to put in IdP metadata (NEXT, ACTIVE
 * and RETIRED), and the encryption keys that decrypt what service providers encrypted (ACTIVE and
 * RETIRED: an SP may still use the certificate from metadata it cached). Reads this node's
 * {@link KeyRingSnapshot}; no I/O. Keys not yet given a certificate are left out.
 */
public final class SamlCredentials {

    private final KeyRingCache cache;

    public SamlCredentials(KeyRingCache cache) {
        this.cache = cache;
    }

    /** @return the key that signs SAML responses, assertions and metadata now; empty when none can sign on this node */
    public Optional<Credential> signing() {
        return cache.current().samlKeys().stream()
                .filter(c -> c.key().purpose() == KeyPurpose.SAML_SIGNING && c.key().state() == KeyState.ACTIVE)
                .findFirst();
    }

    /** @return the signing certificates for IdP metadata ({@code <KeyDescriptor use="signing">}) */
    public List<X509Certificate> publishedSigningCertificates() {
        return published(KeyPurpose.SAML_SIGNING);
    }

    /** @return the encryption certificates for IdP metadata ({@code <KeyDescriptor use="encryption">}) */
    public List<X509Certificate> publishedEncryptionCertificates() {
        return published(KeyPurpose.SAML_ENCRYPTION);
    }

    /** @return the keys to try when decrypting: the ACTIVE one first, then the RETIRED ones */
    public List<Credential> decryptionKeys() {
        return cache.current().samlKeys().stream()
                .filter(c -> c.key().purpose() == KeyPurpose.SAML_ENCRYPTION)
                .sorted(java.util.Comparator.comparing((Credential c) -> c.key().state() != KeyState.ACTIVE))
                .toList();
    }

    private List<X509Certificate> published(KeyPurpose purpose) {
        return cache.current().ring().published(purpose).stream()
                .filter(k -> !k.certificateChain().isEmpty())
                .map(k -> k.certificateChain().get(0))
                .toList();
    }

    /**
     * A SAML key this node can use.
     *
     * @param certificate the leaf of the key's chain (self-signed, or CA-issued after a CSR)
     * @param privateKey operates the key; for an HSM only a handle, use its provider
     */
    public record Credential(ManagedKey key, X509Certificate certificate, PrivateKeyHandle privateKey) {

        public Credential {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        public String kid() {
            return key.kid();
        }
    }
}
