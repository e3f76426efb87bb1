package id.satupintu.keys.store.pkcs11;

import java.security.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token's SunPKCS11 provider plus one service it lacks: {@code Cipher RSA/ECB/OAEPPadding}, whose
 * decryption runs raw RSA ({@code CKM_RSA_X_509}, PKCS#11 v2.40 Mechanisms §2.1.8) inside the token
 * and EME-OAEP decoding (RFC 8017 §7.1.2) outside it ({@link RawRsaOaepCipher}). The private key
 * never leaves the token. Every other service is the token provider's own, so signatures, key
 * generation and the key store work exactly as with SunPKCS11.
 *
 * <p>Why: SunPKCS11 on Java 17 offers no OAEP cipher, and SoftHSM2 (like several HSMs) implements
 * {@code CKM_RSA_PKCS_OAEP} only with SHA-1, while SAML encryption keys use RSA-OAEP-256.
 */
final class OaepOverRawRsaProvider extends Provider {

    private static final long serialVersionUID = 1L;
    private static final String OAEP = "RSA/ECB/OAEPPadding";
    private static final List<String> OAEP_ALIASES = List.of("RSA/ECB/OAEPWithSHA-256AndMGF1Padding",
            "RSA/ECB/OAEPWithSHA-1AndMGF1Padding", "RSA/ECB/OAEPWithSHA1AndMGF1Padding");

    private final transient Provider token;
    private final transient Service oaep;

    private OaepOverRawRsaProvider(Provider token) {
        super(token.getName() + "-OAEP", token.getVersionStr(), token.getInfo() + "; RSA-OAEP by raw RSA in the token");
        this.token = token;
        this.oaep = new Service(this, "Cipher", OAEP, RawRsaOaepCipher.class.getName(), OAEP_ALIASES,
                Map.of("SupportedKeyClasses", "java.security.interfaces.RSAKey|java.security.PrivateKey|java.security.PublicKey")) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new RawRsaOaepCipher(OaepOverRawRsaProvider.this.token);
            }

            @Override
            public boolean supportsParameter(Object parameter) {
                return true;
            }
        };
    }

    /** @return the token provider with an RSA-OAEP cipher added, or the provider itself when it has one */
    static Provider wrapping(Provider token) {
        if (token.getService("Cipher", OAEP) != null) {
            return token;
        }
        return new OaepOverRawRsaProvider(token);
    }

    /** @return the SunPKCS11 provider of the token */
    Provider token() {
        return token;
    }

    @Override
    public synchronized Service getService(String type, String algorithm) {
        if ("Cipher".equalsIgnoreCase(type)
                && (OAEP.equalsIgnoreCase(algorithm) || OAEP_ALIASES.stream().anyMatch(algorithm::equalsIgnoreCase))) {
            return oaep;
        }
        return token.getService(type, algorithm);
    }

    @Override
    public synchronized Set<Service> getServices() {
        Set<Service> services = new LinkedHashSet<>(token.getServices());
        services.add(oaep);
        return services;
    }
}
