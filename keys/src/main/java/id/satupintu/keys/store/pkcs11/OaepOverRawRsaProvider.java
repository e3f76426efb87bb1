package id.satupintu.keys.store.pkcs11;

import java.security.Provider;
import java.security.spec.MGF1ParameterSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * A token's SunPKCS11 provider plus one service it lacks: {@code Cipher RSA/ECB/OAEPPadding}, whose
 * decryption runs raw RSA ({@code CKM_RSA_X_509}, PKCS#11 v2.40 Mechanisms §2.1.8) inside the token
 * and EME-OAEP decoding (RFC 8017 §7.1.2) outside it ({@link RawRsaOaepCipher}). The private key
 * never leaves the token. Every other service is the token provider's own, so signatures, key
 * generation and the key store work exactly as with SunPKCS11.
 *
 * <p>Why: SunPKCS11 on Java 17 offers no OAEP cipher, and SoftHSM2 (like several HSMs) implements
 * {@code CKM_RSA_PKCS_OAEP} only with SHA-1, while SAML encryption keys use RSA-OAEP-256.
 *
 * <p>OpenJDK builds (Debian, Temurin, Corretto) accept unsigned JCE providers; Oracle's JDK requires
 * a Cipher provider to come from a JAR signed with a JCE code-signing certificate, so there this
 * wrapper's OAEP cipher fails with a {@link SecurityException} until the JAR is signed.
 */
final class OaepOverRawRsaProvider extends Provider {

    private static final long serialVersionUID = 1L;
    private static final String OAEP = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec SHA1 = OAEPParameterSpec.DEFAULT;
    private static final OAEPParameterSpec SHA256_MGF1_SHA1 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    /**
     * The OAEP transformations with the defaults the JDK's own providers give them when no
     * {@link OAEPParameterSpec} is passed (Java Security Standard Algorithm Names), so a caller gets
     * the same result here as in software. RSA-OAEP-256 callers pass SHA-256 with MGF1 SHA-256.
     */
    private static final Map<String, OAEPParameterSpec> OAEP_DEFAULTS = Map.of(
            OAEP, SHA1,
            "RSA/ECB/OAEPWithSHA-1AndMGF1Padding", SHA1,
            "RSA/ECB/OAEPWithSHA1AndMGF1Padding", SHA1,
            "RSA/ECB/OAEPWithSHA-256AndMGF1Padding", SHA256_MGF1_SHA1);

    private final transient Provider token;
    private final transient Map<String, Service> oaep = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private OaepOverRawRsaProvider(Provider token) {
        super(token.getName() + "-OAEP", token.getVersionStr(), token.getInfo() + "; RSA-OAEP by raw RSA in the token");
        this.token = token;
        OAEP_DEFAULTS.forEach((transformation, defaults) -> oaep.put(transformation, oaepService(transformation, defaults)));
    }

    private Service oaepService(String transformation, OAEPParameterSpec defaults) {
        return new Service(this, "Cipher", transformation, RawRsaOaepCipher.class.getName(), null,
                Map.of("SupportedKeyClasses", "java.security.interfaces.RSAKey")) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new RawRsaOaepCipher(OaepOverRawRsaProvider.this.token, defaults);
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
        if ("Cipher".equalsIgnoreCase(type) && oaep.containsKey(algorithm)) {
            return oaep.get(algorithm);
        }
        return token.getService(type, algorithm);
    }

    @Override
    public synchronized Set<Service> getServices() {
        Set<Service> services = new LinkedHashSet<>(token.getServices());
        services.addAll(oaep.values());
        return services;
    }
}
