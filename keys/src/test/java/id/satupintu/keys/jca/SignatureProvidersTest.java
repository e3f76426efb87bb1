package id.satupintu.keys.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.Security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.UnsupportedKeyException;

class SignatureProvidersTest {

    @AfterEach
    void clearSwitch() {
        System.clearProperty(SignatureProviders.SWITCH_PROPERTY);
    }

    @Test
    void detectWhenLinuxX8664ThenAccpLoadsAndServesEveryAlgorithm() {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")),
                "ACCP's native library ships for linux-x86_64 here");

        SignatureProviders providers = SignatureProviders.detect(null);

        assertThat(providers.nativeProvider()).as(providers.description()).isPresent();
        for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.RS256, KeyAlgorithm.PS256, KeyAlgorithm.ES256,
                KeyAlgorithm.EDDSA}) {
            assertThat(providers.forSigning(algorithm).getName()).isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(providers.forVerifying(algorithm).getName()).isEqualTo("AmazonCorrettoCryptoProvider");
        }
    }

    @Test
    void detectWhenAccpLoadsThenItIsNotInstalledInTheJvm() {
        SignatureProviders.detect("true");

        assertThat(Security.getProvider("AmazonCorrettoCryptoProvider")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", " false "})
    void detectWhenSwitchedOffThenJdkDefaultForEveryAlgorithm(String setting) {
        SignatureProviders providers = SignatureProviders.detect(setting);

        assertThat(providers.nativeProvider()).isEmpty();
        assertThat(providers.forSigning(KeyAlgorithm.RS256).getName()).isEqualTo("SunRsaSign");
        assertThat(providers.forSigning(KeyAlgorithm.PS256).getName()).isEqualTo("SunRsaSign");
        assertThat(providers.forSigning(KeyAlgorithm.ES256).getName()).isEqualTo("SunEC");
        assertThat(providers.forSigning(KeyAlgorithm.EDDSA).getName()).isEqualTo("SunEC");
        assertThat(providers.description()).contains(SignatureProviders.SWITCH_PROPERTY + "=false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "0", "ture"})
    void detectWhenSwitchIsNotTrueOrFalseThenRejected(String setting) {
        assertThatThrownBy(() -> SignatureProviders.detect(setting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SignatureProviders.SWITCH_PROPERTY);
    }

    @Test
    void configuredSettingWhenPropertySetThenItWins() {
        System.setProperty(SignatureProviders.SWITCH_PROPERTY, "false");

        assertThat(SignatureProviders.configuredSetting()).isEqualTo("false");
        assertThat(SignatureProviders.detect(SignatureProviders.configuredSetting()).nativeProvider()).isEmpty();
    }

    @Test
    void configuredSettingWhenNothingSetThenEnvironmentOrNull() {
        assertThat(SignatureProviders.configuredSetting())
                .isEqualTo(System.getenv(SignatureProviders.SWITCH_ENVIRONMENT_VARIABLE));
    }

    @Test
    void preferringWhenProviderLacksAnAlgorithmThenJdkForThatOneOnly() {
        RecordingProvider onlyEcdsa = new RecordingProvider("SHA256withECDSA");

        SignatureProviders providers = SignatureProviders.preferring(onlyEcdsa);

        assertThat(providers.forSigning(KeyAlgorithm.ES256)).isSameAs(onlyEcdsa);
        assertThat(providers.forSigning(KeyAlgorithm.RS256)).isSameAs(SignatureProviders.jdkDefault(KeyAlgorithm.RS256));
        assertThat(providers.forSigning(KeyAlgorithm.EDDSA)).isSameAs(SignatureProviders.jdkDefault(KeyAlgorithm.EDDSA));
    }

    @Test
    void detectWhenAccpNativeLibraryDoesNotLoadThenJdkForEveryAlgorithm() throws Exception {
        // ACCP then looks for its library on java.library.path only, where there is none
        System.setProperty("com.amazon.corretto.crypto.provider.useExternalLib", "true");
        try {
            assertDetectFallsBackToJdk(new IsolatedKeysClassLoader(false), "native library did not load");
        } finally {
            System.clearProperty("com.amazon.corretto.crypto.provider.useExternalLib");
        }
    }

    @Test
    void detectWhenAccpJarMissingThenJdkForEveryAlgorithm() throws Exception {
        assertDetectFallsBackToJdk(new IsolatedKeysClassLoader(true), "unavailable");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = "RSA_OAEP_256")
    void forSigningWhenAlgorithmDoesNotSignThenUnsupported(KeyAlgorithm algorithm) {
        assertThatThrownBy(() -> SignatureProviders.jdkOnly().forSigning(algorithm))
                .isInstanceOf(UnsupportedKeyException.class);
    }

    /** Runs {@code SignatureProviders.detect(null)} in the isolated loader, by reflection. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void assertDetectFallsBackToJdk(ClassLoader loader, String reason) throws Exception {
        Class<?> providersClass = loader.loadClass(SignatureProviders.class.getName());
        Class<Enum> algorithmClass = (Class<Enum>) loader.loadClass(KeyAlgorithm.class.getName());
        assertThat(providersClass).isNotSameAs(SignatureProviders.class);

        Object providers = providersClass.getMethod("detect", String.class).invoke(null, (String) null);

        assertThat((java.util.Optional<?>) providersClass.getMethod("nativeProvider").invoke(providers)).isEmpty();
        assertThat((String) providersClass.getMethod("description").invoke(providers)).contains(reason);
        for (String algorithm : new String[] {"RS256", "PS256", "ES256", "EDDSA"}) {
            java.security.Provider provider = (java.security.Provider) providersClass
                    .getMethod("forSigning", algorithmClass).invoke(providers, Enum.valueOf(algorithmClass, algorithm));
            assertThat(provider.getName()).startsWith("Sun");
        }
    }
}
