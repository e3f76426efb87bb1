package id.satupintu.keys.jca;

import java.security.Provider;
import java.security.Security;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.UnsupportedKeyException;

/**
 * Which JCA provider signs and verifies each JOSE algorithm: the Amazon Corretto Crypto Provider
 * (ACCP, native AWS-LC) where it loads, is healthy and supports the algorithm, otherwise the JVM's
 * default provider for that algorithm.
 *
 * <p>ACCP 2.5 supports all four signing algorithms here: {@code SHA256withRSA} (RS256),
 * {@code RSASSA-PSS} with parameters (PS256, RFC 7518 §3.5), {@code SHA256withECDSA} (ES256) and
 * {@code Ed25519} (EdDSA, RFC 8037). Support is still checked per algorithm, so an older or newer
 * ACCP lacking one falls back to the JDK for that algorithm only.
 *
 * <p><b>Why the provider is passed explicitly and never installed.</b> ACCP's documentation suggests
 * {@code AmazonCorrettoCryptoProvider.install()}, i.e. {@code Security.insertProviderAt(accp, 1)}.
 * That would change the provider of every JCA call in the server: TLS (JSSE's ciphers, key
 * agreement, random numbers), PBKDF and password hashing, the database and Redis drivers, SAML's
 * XML signatures, other libraries' own choices. Its behaviour there (exceptions, key classes,
 * parameter handling) is not what those libraries were tested with, and a failure there would not
 * point at this module. Passing the provider to each Nimbus signer ({@code getJCAContext()
 * .setProvider}) confines the change to the JWS signatures this module makes, the one place where
 * we measured the gain and test the result against the JDK.
 *
 * <p><b>Switch.</b> System property {@value #SWITCH_PROPERTY} or environment variable
 * {@value #SWITCH_ENVIRONMENT_VARIABLE} set to {@code false} forces the JDK path (diagnosis, or a
 * platform where the native library misbehaves); {@code true} or unset uses ACCP where it loads.
 * The property wins over the variable.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignatureProviders {

    public static final String SWITCH_PROPERTY = "satupintu.keys.accp";
    public static final String SWITCH_ENVIRONMENT_VARIABLE = "SATUPINTU_KEYS_ACCP";

    private static final KeyAlgorithm[] SIGNING = {KeyAlgorithm.RS256, KeyAlgorithm.PS256, KeyAlgorithm.ES256,
            KeyAlgorithm.EDDSA};

    private final Optional<Provider> nativeProvider;
    private final Map<KeyAlgorithm, Provider> byAlgorithm;
    private final String description;

    private SignatureProviders(Optional<Provider> nativeProvider, String why) {
        this.nativeProvider = nativeProvider;
        this.byAlgorithm = new EnumMap<>(KeyAlgorithm.class);
        for (KeyAlgorithm algorithm : SIGNING) {
            String name = JcaSignatureNames.of(algorithm);
            byAlgorithm.put(algorithm, nativeProvider.filter(p -> p.getService("Signature", name) != null)
                    .orElseGet(() -> jdkDefault(algorithm)));
        }
        this.description = why + "; " + describe(byAlgorithm);
    }

    /** The JVM's providers as the switch ({@link #SWITCH_PROPERTY}, {@link #SWITCH_ENVIRONMENT_VARIABLE}) says; detected once. */
    public static SignatureProviders system() {
        return SystemHolder.SYSTEM;
    }

    /**
     * Detects the providers for one switch value, without caching (tests, benchmarks).
     *
     * @param accpSetting {@code "true"}/{@code null} to use ACCP where it loads, {@code "false"} for the JDK only
     * @throws IllegalArgumentException for any other value, so a typo does not silently pick a path
     */
    public static SignatureProviders detect(String accpSetting) {
        if (!useAccp(accpSetting)) {
            return jdkOnly();
        }
        CorrettoProvider.Loading loading;
        try {
            loading = CorrettoProvider.load();
        } catch (LinkageError e) {
            // ACCP's jar is missing and the JVM noticed while linking CorrettoProvider itself
            loading = new CorrettoProvider.Loading(Optional.empty(),
                    "Amazon Corretto Crypto Provider unavailable, not on the class path: " + e);
        }
        return new SignatureProviders(loading.provider(), loading.description());
    }

    /** The JDK's default providers only. */
    public static SignatureProviders jdkOnly() {
        return new SignatureProviders(Optional.empty(), "native provider switched off (" + SWITCH_PROPERTY + "=false)");
    }

    /** Uses the given provider wherever it supports an algorithm (tests, or another native provider). */
    public static SignatureProviders preferring(Provider provider) {
        return new SignatureProviders(Optional.of(provider), "preferring " + provider.getName());
    }

    /** @return the native provider in use, empty on the JDK path */
    public Optional<Provider> nativeProvider() {
        return nativeProvider;
    }

    /** @return the provider to sign {@code algorithm} with software keys */
    public Provider forSigning(KeyAlgorithm algorithm) {
        Provider provider = byAlgorithm.get(algorithm);
        if (provider == null) {
            throw new UnsupportedKeyException(algorithm.joseName() + " keys do not sign");
        }
        return provider;
    }

    /** @return the provider to verify {@code algorithm}; the same as for signing */
    public Provider forVerifying(KeyAlgorithm algorithm) {
        return forSigning(algorithm);
    }

    /** @return what was detected and which provider each algorithm uses, for a start-up log line */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "SignatureProviders[" + description + "]";
    }

    /** @return the first provider in the JVM's preference order that implements {@code algorithm} */
    public static Provider jdkDefault(KeyAlgorithm algorithm) {
        String name = JcaSignatureNames.of(algorithm);
        Provider[] providers = Security.getProviders("Signature." + name);
        if (providers == null || providers.length == 0) {
            throw new UnsupportedKeyException("no JCA provider implements " + name + " for " + algorithm.joseName());
        }
        return providers[0];
    }

    /** @return the switch as configured: the system property, else the environment variable, else null */
    static String configuredSetting() {
        return System.getProperty(SWITCH_PROPERTY, System.getenv(SWITCH_ENVIRONMENT_VARIABLE));
    }

    static boolean useAccp(String setting) {
        if (setting == null || setting.isBlank()) {
            return true;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(SWITCH_PROPERTY + " must be true or false, not '" + setting + "'");
        };
    }

    private static String describe(Map<KeyAlgorithm, Provider> byAlgorithm) {
        StringBuilder text = new StringBuilder();
        byAlgorithm.forEach((algorithm, provider) -> text.append(text.length() == 0 ? "" : ", ")
                .append(algorithm.joseName()).append(" on ").append(provider.getName()));
        return text.toString();
    }

    private static final class SystemHolder {
        static final SignatureProviders SYSTEM = fromEnvironment();

        private static SignatureProviders fromEnvironment() {
            SignatureProviders providers = detect(configuredSetting());
            System.getLogger(SignatureProviders.class.getName()).log(System.Logger.Level.INFO,
                    "JWS signatures: " + providers.description());
            return providers;
        }
    }
}
