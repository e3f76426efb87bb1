package id.satupintu.idp.oidc.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;

import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class ClientAssertionReplayValidatorTest {

    private final ReplayCache cache = new MemoryReplayCache(Clock.systemUTC());

    @Test
    void validateWhenJtiFirstSeenThenSuccess() {
        assertThat(validator("client-a").validate(assertion("jti-1")).hasErrors()).isFalse();
    }

    @Test
    void validateWhenSameJtiPresentedAgainThenInvalidClient() {
        validator("client-a").validate(assertion("jti-2"));

        var result = validator("client-a").validate(assertion("jti-2"));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).extracting(e -> e.getErrorCode()).containsExactly("invalid_client");
    }

    @Test
    void validateWhenSameJtiFromAnotherClientThenSuccess() {
        validator("client-a").validate(assertion("jti-3"));

        assertThat(validator("client-b").validate(assertion("jti-3")).hasErrors()).isFalse();
    }

    @Test
    void validateWhenJtiMissingThenInvalidClient() {
        Jwt withoutJti = Jwt.withTokenValue("t").header("alg", "ES256").subject("client-a")
                .expiresAt(Instant.now().plusSeconds(60)).build();

        assertThat(validator("client-a").validate(withoutJti).hasErrors()).isTrue();
    }

    private ClientAssertionReplayValidator validator(String clientId) {
        return new ClientAssertionReplayValidator(clientId, cache);
    }

    private static Jwt assertion(String jti) {
        return Jwt.withTokenValue("t").header("alg", "ES256").subject("client-a").jti(jti)
                .expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
