package id.satupintu.keys.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.Provider;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.jca.TestSigningKeys.TestSigningKey;

class ProviderKeysTest {

    private static final SignatureProviders ACCP = SignatureProviders.detect("true");

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256"})
    void translateWhenAccpHasKeyFactoryThenKeysBecomeAccpKeys(KeyAlgorithm algorithm) {
        assumeTrue(ACCP.nativeProvider().isPresent(), ACCP::description);
        Provider accp = ACCP.nativeProvider().orElseThrow();
        TestSigningKey key = TestSigningKeys.of(algorithm);

        assertThat(ProviderKeys.translate(key.pair().getPrivate(), accp).getClass().getName())
                .startsWith("com.amazon.corretto.crypto.provider.");
        assertThat(ProviderKeys.translate(key.pair().getPublic(), accp).getClass().getName())
                .startsWith("com.amazon.corretto.crypto.provider.");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "ES256", "EDDSA"})
    void translateWhenProviderHasNoKeyFactoryThenSameKey(KeyAlgorithm algorithm) {
        TestSigningKey key = TestSigningKeys.of(algorithm);
        RecordingProvider noKeyFactories = new RecordingProvider(JcaSignatureNames.of(algorithm));

        assertThat(ProviderKeys.translate(key.pair().getPrivate(), noKeyFactories)).isSameAs(key.pair().getPrivate());
        assertThat(ProviderKeys.translate(key.pair().getPublic(), noKeyFactories)).isSameAs(key.pair().getPublic());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "ES256", "EDDSA"})
    void translateWhenJdkProviderThenAJdkKeyThatStillSigns(KeyAlgorithm algorithm) {
        TestSigningKey key = TestSigningKeys.of(algorithm);
        Provider jdk = SignatureProviders.jdkDefault(algorithm);

        assertThat(ProviderKeys.translate(key.pair().getPrivate(), jdk).getEncoded())
                .isEqualTo(key.pair().getPrivate().getEncoded());
    }
}
