package id.satupintu.sdk.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SetCookieHeaderTest {

    @Test
    void formatWhenSessionCookieOverHttpThenHttpOnlyLaxWithoutSecureOrMaxAge() {
        assertThat(SetCookieHeader.format("sp", "abc", null, "/app", false))
                .isEqualTo("sp=abc; Path=/app; HttpOnly; SameSite=Lax");
    }

    @Test
    void formatWhenMaxAgeOverHttpsThenMaxAgeAndSecure() {
        assertThat(SetCookieHeader.format("sp", "abc", Duration.ofMinutes(10), "/", true))
                .isEqualTo("sp=abc; Path=/; Max-Age=600; HttpOnly; SameSite=Lax; Secure");
    }

    @Test
    void formatWhenDeletingThenMaxAgeZero() {
        assertThat(SetCookieHeader.format("sp", "", Duration.ZERO, "/", false)).contains("sp=; ").contains("Max-Age=0");
    }

    @Test
    void formatWhenValueHoldsSeparatorOrLineBreakThenRefused() {
        assertThatThrownBy(() -> SetCookieHeader.format("sp", "a; Domain=evil.example", null, "/", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("evil");
        assertThatThrownBy(() -> SetCookieHeader.format("sp", "a\r\nSet-Cookie: x=y", null, "/", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SetCookieHeader.format("s p", "a", null, "/", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
