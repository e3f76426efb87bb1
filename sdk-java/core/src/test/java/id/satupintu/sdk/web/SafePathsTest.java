package id.satupintu.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders", "/orders?id=7&tab=2", "/a/b/c.jsp", "/search?q=%2F%2Fevil"})
    void withinApplicationWhenSameApplicationPathThenKept(String path) {
        assertThat(SafePaths.withinApplication(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example/", "evil.example",
            "javascript:alert(1)", "/\t/evil.example", "/ok\\..\\x", "", "/a\r\nSet-Cookie: x=1"})
    void withinApplicationWhenAnotherOriginPossibleThenRoot(String path) {
        assertThat(SafePaths.withinApplication(path)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(ints = {SafePaths.MAX_LENGTH + 1, 10_000})
    void withinApplicationWhenTooLongThenRoot(int length) {
        assertThat(SafePaths.withinApplication("/" + "a".repeat(length))).isEqualTo("/");
    }
}
