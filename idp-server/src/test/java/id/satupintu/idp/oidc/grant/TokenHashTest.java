package id.satupintu.idp.oidc.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void ofWhenSameValueThenSameHashOfSha256Length() {
        String value = TestAuthorizations.randomValue();

        assertThat(TokenHash.of(value)).isEqualTo(TokenHash.of(value));
        assertThat(TokenHash.of(value).value()).hasSize(43).doesNotContain(value);
        assertThat(TokenHash.of(value)).isNotEqualTo(TokenHash.of(value + "x"));
    }

    @Test
    void ofWhenKnownInputThenStandardSha256Base64Url() {
        // SHA-256("abc") = ba7816bf...; base64url without padding
        assertThat(TokenHash.of("abc").value()).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void placeholderWhenBuiltThenContainsSpaceSoNoBearerTokenCanEqualIt() {
        TokenHash hash = TokenHash.of(TestAuthorizations.randomValue());

        assertThat(hash.placeholder()).contains(" ").endsWith(hash.value());
        assertThat(TokenHash.fromPlaceholder(hash.placeholder())).contains(hash);
    }

    @Test
    void fromPlaceholderWhenRealValueThenEmpty() {
        assertThat(TokenHash.fromPlaceholder(TestAuthorizations.randomValue())).isEmpty();
        assertThat(TokenHash.fromPlaceholder(null)).isEmpty();
    }

    @Test
    void ofStoredOrRealWhenPlaceholderThenKeepsHashElseHashesValue() {
        String value = TestAuthorizations.randomValue();
        TokenHash hash = TokenHash.of(value);

        assertThat(TokenHash.ofStoredOrReal(hash.placeholder())).isEqualTo(hash);
        assertThat(TokenHash.ofStoredOrReal(value)).isEqualTo(hash);
    }

    @Test
    void constructorWhenNotADigestThenRejected() {
        assertThatThrownBy(() -> new TokenHash("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenHash.fromPlaceholder("sha256 short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringWhenLoggedThenAbbreviated() {
        TokenHash hash = TokenHash.of("abc");

        assertThat(hash.toString()).doesNotContain(hash.value()).startsWith("TokenHash[ungWv48B");
    }
}
