package id.satupintu.conformance.oidcc;

import java.time.Duration;

import id.satupintu.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-codereuse-30seconds: the server still remembers a used code 30 seconds later (a reuse
 * after a short-lived cache entry expired must not succeed). This is the module's one real wait.
 */
@DisplayName("oidcc-codereuse-30seconds")
class OidccCodereuse30secondsTest extends ConformanceTest {

    @Test
    @DisplayName("second use of a code 30 s later: invalid_grant, and the first use's tokens are revoked")
    void tokenWhenCodeReusedAfterThirtySecondsThenInvalidGrantAndTokensRevoked() throws InterruptedException {
        CodeReuse.assertSecondUseRefusedAndTokensRevoked(Duration.ofSeconds(30));
    }
}
