package id.satupintu.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternsTest {

    @Test
    void matchesWhenPrefixPatternThenThePathAndBelowOnly() {
        PathPatterns admin = PathPatterns.of(List.of("/admin/*"));

        assertThat(admin.matches("/admin")).isTrue();
        assertThat(admin.matches("/admin/")).isTrue();
        assertThat(admin.matches("/admin/users/7")).isTrue();
        assertThat(admin.matches("/administrator")).isFalse();
        assertThat(admin.matches("/")).isFalse();
    }

    @Test
    void matchesWhenExtensionPatternThenOnlyThatExtension() {
        PathPatterns jsp = PathPatterns.of(List.of("*.jsp"));

        assertThat(jsp.matches("/index.jsp")).isTrue();
        assertThat(jsp.matches("/a/b/page.jsp")).isTrue();
        assertThat(jsp.matches("/page.jspx")).isFalse();
        assertThat(jsp.matches("/dir.jsp/page.html")).isFalse();
    }

    @Test
    void matchesWhenDefaultPatternsThenEverything() {
        assertThat(PathPatterns.of(List.of("/*")).matches("/anything/at/all")).isTrue();
        assertThat(PathPatterns.of(List.of("/")).matches("/x")).isTrue();
    }

    @Test
    void matchesWhenExactPatternThenOnlyThatPath() {
        PathPatterns exact = PathPatterns.of(List.of(" /health ", ""));

        assertThat(exact.matches("/health")).isTrue();
        assertThat(exact.matches("/health/deep")).isFalse();
    }

    @Test
    void matchesWhenNoPatternsThenNothing() {
        assertThat(PathPatterns.of(List.of()).matches("/")).isFalse();
        assertThat(PathPatterns.of(null).matches("/")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/../admin", "/public/..;/admin", "/public/%2e%2e/admin", "/public//admin",
            "/public/.\\admin", "/./admin", "/public/..", "admin", ""})
    void isCanonicalWhenDotSegmentsEncodingOrPathParametersThenFalse(String path) {
        assertThat(PathPatterns.isCanonical(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/public/help", "/a.b/c..d/e.jsp", "/.well-known/x"})
    void isCanonicalWhenPlainPathThenTrue(String path) {
        assertThat(PathPatterns.isCanonical(path)).isTrue();
    }
}
