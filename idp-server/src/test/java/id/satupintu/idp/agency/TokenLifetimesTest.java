package id.satupintu.idp.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

class TokenLifetimesTest {

    @Test
    void tokenSettingsWhenLifetimesConfiguredThenAppliedWithRotation() {
        TokenLifetimes lifetimes = new TokenLifetimes(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1));

        TokenSettings settings = ClientTokenPolicy.tokenSettings(SignatureAlgorithm.ES256, lifetimes);

        assertThat(settings.getAuthorizationCodeTimeToLive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.getRefreshTokenTimeToLive()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.isReuseRefreshTokens()).isFalse();
        assertThat(settings.getIdTokenSignatureAlgorithm()).isEqualTo(SignatureAlgorithm.ES256);
    }

    @Test
    void constructorWhenCodeLivesLongerThanTenMinutesThenRejected() {
        assertThatThrownBy(() -> new TokenLifetimes(Duration.ofMinutes(11), Duration.ofMinutes(10), Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorization-code");
    }

    @Test
    void constructorWhenAccessTokenLivesLongerThanAnHourThenRejected() {
        assertThatThrownBy(() -> new TokenLifetimes(Duration.ofSeconds(60), Duration.ofHours(2), Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access-token");
    }

    @Test
    void constructorWhenRefreshTokenNotLongerThanAccessTokenThenRejected() {
        assertThatThrownBy(() -> new TokenLifetimes(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh-token");
    }

    @Test
    void defaultsWhenUnconfiguredThenSixtySecondsTenMinutesEightHours() {
        assertThat(TokenLifetimes.DEFAULTS).isEqualTo(
                new TokenLifetimes(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofHours(8)));
    }
}
