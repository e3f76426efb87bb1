package id.satupintu.sdk.internal.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.ProviderHttp;
import id.satupintu.sdk.testsupport.MutableClock;
import id.satupintu.sdk.testsupport.TestProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JWKS cache's lifetime, refresh and outage rules, on a clock the test moves. */
class JwksCacheTest {

    private TestProvider provider;
    private MutableClock clock;
    private JwksCache cache;

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        clock = MutableClock.startingNow();
        cache = new JwksCache(() -> URI.create(provider.url("/jwks")), new ProviderHttp(Duration.ofSeconds(5)), clock);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private boolean knowsRsaKey() {
        return cache.verifier(provider.keys().rsa().getKeyID(), JWSAlgorithm.RS256) != null;
    }

    @Test
    void verifierWhenMaxAgeNotReachedThenServedFromCacheAndRefetchedAfter() {
        provider.jwksCacheControl("public, max-age=600");
        knowsRsaKey();

        clock.advance(Duration.ofSeconds(599));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void verifierWhenNoCacheThenFloorOfOneMinuteApplies() {
        provider.jwksCacheControl("no-cache");
        knowsRsaKey();

        clock.advance(Duration.ofSeconds(59));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void verifierWhenNoCacheControlThenFiveMinutesDefault() {
        provider.jwksCacheControl(null);
        knowsRsaKey();

        clock.advance(Duration.ofMinutes(4));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void verifierWhenMaxAgeHugeThenCeilingOfOneDayApplies() {
        provider.jwksCacheControl("max-age=31536000");
        knowsRsaKey();

        clock.advance(Duration.ofHours(23));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        knowsRsaKey();
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void verifierWhenProviderDownAfterExpiryThenLastGoodKeysServedAndRetriedAtMostEveryTenSeconds() {
        knowsRsaKey();
        provider.fail("/jwks", 503);
        clock.advance(Duration.ofHours(1));

        assertThat(knowsRsaKey()).isTrue();
        assertThat(knowsRsaKey()).isTrue();
        assertThat(provider.jwksFetches()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(11));
        assertThat(knowsRsaKey()).isTrue();
        assertThat(provider.jwksFetches()).isEqualTo(3);

        provider.recover();
        clock.advance(Duration.ofSeconds(11));
        assertThat(knowsRsaKey()).isTrue();
        assertThat(provider.jwksFetches()).isEqualTo(4);
    }

    @Test
    void verifierWhenUnknownKidThenOneRefreshPerIntervalOnly() {
        knowsRsaKey();

        assertThat(cache.verifier("unknown", JWSAlgorithm.RS256)).isNull();
        assertThat(cache.verifier("unknown", JWSAlgorithm.RS256)).isNull();
        assertThat(provider.jwksFetches()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(11));
        assertThat(cache.verifier("unknown", JWSAlgorithm.RS256)).isNull();
        assertThat(provider.jwksFetches()).isEqualTo(3);
    }

    @Test
    void verifierWhenKidAbsentAndOneKeyFitsThenThatKey() {
        assertThat(cache.verifier(null, JWSAlgorithm.ES256)).isNotNull();
        assertThat(cache.verifier(null, JWSAlgorithm.PS256)).isNotNull();
    }

    @Test
    void verifierWhenAlgorithmDoesNotFitTheKeyTypeThenNull() {
        assertThat(cache.verifier(provider.keys().ec().getKeyID(), JWSAlgorithm.RS256)).isNull();
        assertThat(cache.verifier(provider.keys().rsa().getKeyID(), JWSAlgorithm.ES256)).isNull();
    }

    @Test
    void verifierWhenColdAndProviderDownThenProviderUnavailable() {
        provider.fail("/jwks", 500);

        assertThatThrownBy(() -> cache.verifier("rsa-1", JWSAlgorithm.RS256))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE))
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void verifierWhenJwksIsNotAKeySetThenProviderUnavailable() {
        JwksCache wrong = new JwksCache(() -> URI.create(provider.url("/.well-known/openid-configuration")),
                new ProviderHttp(Duration.ofSeconds(5)), clock);

        assertThatThrownBy(() -> wrong.verifier("rsa-1", JWSAlgorithm.RS256))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE));
    }

    @Test
    void verifierWhenManyCallersAtColdStartThenOneFetchShared() throws Exception {
        provider.slow("/jwks", Duration.ofMillis(300));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return knowsRsaKey();
                }));
            }
            go.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(provider.jwksFetches()).isEqualTo(1);
    }

    @Test
    void verifierWhenExpiredAndRefreshInFlightThenOtherCallersUseTheExpiringKeysWithoutWaiting() throws Exception {
        knowsRsaKey();
        clock.advance(Duration.ofHours(1));
        provider.slow("/jwks", Duration.ofSeconds(2));
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> refreshing = refresher.submit(this::knowsRsaKey);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (provider.jwksFetches() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }

            long started = System.nanoTime();
            assertThat(knowsRsaKey()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(refreshing.get()).isTrue();
        } finally {
            refresher.shutdownNow();
        }
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }
}
