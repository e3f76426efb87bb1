package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Start-up refuses a rotation policy under which relying parties would meet unknown or vanished keys. */
class RotationPolicyCheckTest {

    private static KeysProperties keys(Duration publishLead, Duration retiredLifetime) {
        return new KeysProperties(null, Duration.ofDays(90), publishLead, retiredLifetime,
                List.of("RS256"), Duration.ofMinutes(1), Duration.ofSeconds(5),
                true, "RS256", 3072, 3072, List.of());
    }

    @Test
    void policyWhenDefaultsThenAccepted() {
        assertThat(RotationPolicyCheck.policy(keys(Duration.ofDays(2), Duration.ofDays(1)), Duration.ofMinutes(5),
                Duration.ofHours(8)).publishLead()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void policyWhenPublishLeadShorterThanJwksMaxAgeThenStartupFails() {
        assertThatThrownBy(() -> RotationPolicyCheck.policy(keys(Duration.ofMinutes(1), Duration.ofDays(1)),
                Duration.ofMinutes(5), Duration.ofHours(8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("satupintu.keys.publish-lead").hasMessageContaining("satupintu.jwks-max-age");
    }

    @Test
    void policyWhenRetiredLifetimeShorterThanLongestTokenThenStartupFails() {
        assertThatThrownBy(() -> RotationPolicyCheck.policy(keys(Duration.ofDays(2), Duration.ofHours(1)),
                Duration.ofMinutes(5), Duration.ofHours(8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("satupintu.keys.retired-lifetime").hasMessageContaining("satupintu.tokens");
    }

    @Test
    void oidcAlgorithmsWhenOneThatClientsMayRegisterIsMissingThenRejected() {
        KeysProperties noPs256 = new KeysProperties(null, Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(1),
                List.of("RS256", "ES256"), Duration.ofMinutes(1), Duration.ofSeconds(5),
                true, "RS256", 3072, 3072, List.of());

        assertThatThrownBy(noPs256::oidcKeyAlgorithms).hasMessageContaining("PS256").hasMessageContaining("discovery");
    }

    @Test
    void oidcAlgorithmsWhenEdDsaOptedInThenAccepted() {
        KeysProperties withEdDsa = new KeysProperties(null, Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(1),
                List.of("RS256", "PS256", "ES256", "EdDSA"), Duration.ofMinutes(1), Duration.ofSeconds(5),
                true, "RS256", 3072, 3072, List.of());

        assertThat(withEdDsa.oidcKeyAlgorithms()).contains(id.satupintu.keys.KeyAlgorithm.EDDSA);
    }

    @Test
    void oidcAlgorithmsWhenUnknownNameThenRejected() {
        KeysProperties typo = new KeysProperties(null, Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(1),
                List.of("RS265"), Duration.ofMinutes(1), Duration.ofSeconds(5),
                true, "RS256", 3072, 3072, List.of());

        assertThatThrownBy(typo::oidcKeyAlgorithms).hasMessageContaining("RS265");
    }
}
