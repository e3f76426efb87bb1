package id.satupintu.keys;

import java.util.List;

/**
 * The algorithms a managed key can have (RFC 7518 §3 for signatures, RFC 8037 for EdDSA,
 * RFC 7518 §4.3 for RSA-OAEP-256 key encryption), with the key sizes each allows.
 */
public enum KeyAlgorithm {

    RS256(KeyFamily.RSA, KeyUse.SIGNATURE, List.of(2048, 3072)),
    PS256(KeyFamily.RSA, KeyUse.SIGNATURE, List.of(2048, 3072)),
    /** ECDSA on P-256. */
    ES256(KeyFamily.EC, KeyUse.SIGNATURE, List.of(256)),
    /** EdDSA on Ed25519 (RFC 8037); not every relying party library verifies it yet. */
    EDDSA(KeyFamily.OKP, KeyUse.SIGNATURE, List.of(255)),
    /** RSA-OAEP with SHA-256, for keys others encrypt to (SAML encryption). */
    RSA_OAEP_256(KeyFamily.RSA, KeyUse.ENCRYPTION, List.of(2048, 3072));

    /** The key type, as JWK {@code kty} names it (RFC 7518 §6.1, RFC 8037 §2). */
    public enum KeyFamily {
        RSA, EC, OKP
    }

    /** What the private key does. */
    public enum KeyUse {
        SIGNATURE, ENCRYPTION
    }

    private final KeyFamily family;
    private final KeyUse use;
    private final List<Integer> sizes;

    KeyAlgorithm(KeyFamily family, KeyUse use, List<Integer> sizes) {
        this.family = family;
        this.use = use;
        this.sizes = sizes;
    }

    public KeyFamily family() {
        return family;
    }

    public KeyUse use() {
        return use;
    }

    /** @return the allowed sizes in bits, the default first */
    public List<Integer> sizes() {
        return sizes;
    }

    public int defaultSize() {
        return sizes.get(0);
    }

    /** @return the JOSE name: {@code RS256}, {@code PS256}, {@code ES256}, {@code EdDSA}, {@code RSA-OAEP-256} */
    public String joseName() {
        return switch (this) {
            case EDDSA -> "EdDSA";
            case RSA_OAEP_256 -> "RSA-OAEP-256";
            default -> name();
        };
    }

    /** @throws UnsupportedKeyException for a name that is not one of these algorithms */
    public static KeyAlgorithm fromJoseName(String name) {
        for (KeyAlgorithm a : values()) {
            if (a.joseName().equals(name)) {
                return a;
            }
        }
        throw new UnsupportedKeyException("unsupported algorithm " + name + "; supported: RS256, PS256, ES256, EdDSA, RSA-OAEP-256");
    }
}
