package id.satupintu.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTest {

    private final MutableClock clock = MutableClock.startingNow();

    @Test
    void firstUseWhenValueSeenBeforeExpiryThenFalse() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);

        assertThat(cache.firstUse("jti-1", clock.instant().plusSeconds(60))).isTrue();
        assertThat(cache.firstUse("jti-1", clock.instant().plusSeconds(60))).isFalse();
        assertThat(cache.firstUse("jti-2", clock.instant().plusSeconds(60))).isTrue();
    }

    @Test
    void firstUseWhenValueExpiredThenTrueAgain() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);
        cache.firstUse("jti-1", clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.firstUse("jti-1", clock.instant().plusSeconds(60))).isTrue();
    }

    @Test
    void firstUseWhenFullThenExpiredGoFirstThenOldestAndSizeStaysBounded() {
        InMemoryReplayCache cache = new InMemoryReplayCache(3, clock);
        cache.firstUse("short", clock.instant().plusSeconds(1));
        cache.firstUse("a", clock.instant().plusSeconds(600));
        cache.firstUse("b", clock.instant().plusSeconds(600));
        clock.advance(Duration.ofSeconds(2));

        cache.firstUse("c", clock.instant().plusSeconds(600));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.firstUse("a", clock.instant().plusSeconds(600))).isFalse();

        cache.firstUse("d", clock.instant().plusSeconds(600));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.firstUse("d", clock.instant().plusSeconds(600))).isFalse();
    }
}
