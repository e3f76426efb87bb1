package id.satupintu.sdk.javax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void ofWhenDefaultPortThenPortLeftOut() {
        assertThat(Origins.of("https", "app.go.id", 443)).isEqualTo("https://app.go.id");
        assertThat(Origins.of("HTTP", "app.go.id", 80)).isEqualTo("http://app.go.id");
    }

    @Test
    void ofWhenOtherPortThenPortKept() {
        assertThat(Origins.of("http", "127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(Origins.of("https", "app.go.id", 80)).isEqualTo("https://app.go.id:80");
    }

    @Test
    void ofWhenIpv6LiteralThenBracketedOnce() {
        assertThat(Origins.of("http", "::1", 8080)).isEqualTo("http://[::1]:8080");
        assertThat(Origins.of("http", "[::1]", 8080)).isEqualTo("http://[::1]:8080");
    }
}
