package id.satupintu.idp.keys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import id.satupintu.idp.store.Sha256;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRing;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;

/**
 * Everything the token hot path needs, computed once per change of the ring: the JWKs that sign
 * (ACTIVE keys, with their private keys), the published JWK Set (RFC 7517 §5: NEXT, ACTIVE and
 * RETIRED public keys) with its serialised body and ETag, the SAML keys with their certificates and
 * private keys (never in the JWKS), and the ring itself. Immutable.
 */
public final class KeyRingSnapshot {

    private final KeyRing ring;
    private final Map<KeyAlgorithm, ActiveSigner> signers;
    private final JWKSet signing;
    private final JWKSet published;
    private final byte[] publishedBody;
    private final String etag;
    private final List<SamlCredentials.Credential> samlKeys;

    KeyRingSnapshot(KeyRing ring, Map<String, PrivateKeyHandle> activePrivateKeys, Map<KeyAlgorithm, ActiveSigner> signers) {
        this(ring, activePrivateKeys, signers, List.of());
    }

    KeyRingSnapshot(KeyRing ring, Map<String, PrivateKeyHandle> activePrivateKeys, Map<KeyAlgorithm, ActiveSigner> signers,
                    List<SamlCredentials.Credential> samlKeys) {
        this.ring = ring;
        this.samlKeys = List.copyOf(samlKeys);
        this.signers = Map.copyOf(signers);
        this.signing = new JWKSet(ring.all().stream()
                .filter(k -> k.purpose() == KeyPurpose.OIDC_SIGNING && k.state() == KeyState.ACTIVE)
                .filter(k -> activePrivateKeys.containsKey(k.kid()))
                .filter(k -> k.spec().algorithm().family() != KeyAlgorithm.KeyFamily.OKP)
                .map(k -> JwkConversion.jwk(k, activePrivateKeys.get(k.kid()).key()))
                .toList());
        List<JWK> publishedKeys = ring.published(KeyPurpose.OIDC_SIGNING).stream().map(JwkConversion::publicJwk).toList();
        this.published = new JWKSet(publishedKeys);
        this.publishedBody = published.toString(true).getBytes(StandardCharsets.UTF_8);
        this.etag = "\"" + Sha256.base64Url(publishedBody) + "\"";
    }

    public KeyRing ring() {
        return ring;
    }

    /** @return the ACTIVE OIDC signing keys with their private halves; one per algorithm */
    public JWKSet signing() {
        return signing;
    }

    /** @return the signer of the ACTIVE OIDC signing key of this algorithm, null when there is none */
    public ActiveSigner signer(KeyAlgorithm algorithm) {
        return signers.get(algorithm);
    }

    /** @return the public keys relying parties verify with: NEXT, ACTIVE and RETIRED */
    public JWKSet published() {
        return published;
    }

    /** @return {@link #published()} as served at the JWKS endpoint */
    public byte[] publishedBody() {
        return publishedBody.clone();
    }

    /** @return a strong ETag of {@link #publishedBody()} (RFC 9110 §8.8.3); it changes exactly when the set does */
    public String etag() {
        return etag;
    }

    /** @return the SAML keys usable on this node: the ACTIVE signing key, ACTIVE and RETIRED encryption keys */
    public List<SamlCredentials.Credential> samlKeys() {
        return samlKeys;
    }

    public List<ManagedKey> keys() {
        return ring.all();
    }
}
