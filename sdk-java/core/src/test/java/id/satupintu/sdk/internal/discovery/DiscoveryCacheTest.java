package id.satupintu.sdk.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.ProviderMetadata;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.ProviderHttp;
import id.satupintu.sdk.testsupport.MutableClock;
import id.satupintu.sdk.testsupport.TestProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery (OpenID Connect Discovery 1.0 §4): caching, issuer check, outages. */
class DiscoveryCacheTest {

    private TestProvider provider;
    private MutableClock clock;
    private DiscoveryCache cache;

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        clock = MutableClock.startingNow();
        cache = new DiscoveryCache(URI.create(provider.issuer()), new ProviderHttp(Duration.ofSeconds(5)), clock);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void metadataWhenFetchedThenEndpointsAlgorithmsAndLogoutSupport() {
        ProviderMetadata metadata = cache.metadata();

        assertThat(metadata.issuer()).hasToString(provider.issuer());
        assertThat(metadata.authorizationEndpoint()).hasToString(provider.url("/authorize"));
        assertThat(metadata.tokenEndpoint()).hasToString(provider.url("/token"));
        assertThat(metadata.userinfoEndpoint()).hasToString(provider.url("/userinfo"));
        assertThat(metadata.jwksUri()).hasToString(provider.url("/jwks"));
        assertThat(metadata.endSessionEndpoint()).hasToString(provider.url("/logout"));
        assertThat(metadata.idTokenSigningAlgorithms()).isEqualTo(List.of("RS256", "PS256", "ES256"));
        assertThat(metadata.backchannelLogoutSupported()).isTrue();
        assertThat(metadata.frontchannelLogoutSupported()).isFalse();
    }

    @Test
    void metadataWhenWithinCacheLifetimeThenNotRefetchedAndAfterItRefetched() {
        provider.discoveryCacheControl("max-age=120");
        cache.metadata();
        clock.advance(Duration.ofSeconds(119));
        cache.metadata();
        assertThat(provider.discoveryFetches()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        cache.metadata();
        assertThat(provider.discoveryFetches()).isEqualTo(2);
    }

    @Test
    void metadataWhenProviderDownAfterExpiryThenLastGoodCopyServed() {
        ProviderMetadata first = cache.metadata();
        provider.fail("/.well-known/openid-configuration", 502);
        clock.advance(Duration.ofHours(2));

        assertThat(cache.metadata()).isEqualTo(first);
        assertThat(cache.metadata()).isEqualTo(first);
        assertThat(provider.discoveryFetches()).isEqualTo(2);
    }

    @Test
    void metadataWhenProviderDownAtColdStartThenProviderUnavailable() {
        provider.fail("/.well-known/openid-configuration", 503);

        assertThatThrownBy(cache::metadata)
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE));
    }

    @Test
    void metadataWhenProviderUnreachableThenProviderUnavailable() {
        String issuer = provider.issuer();
        provider.close();
        DiscoveryCache unreachable = new DiscoveryCache(URI.create(issuer), new ProviderHttp(Duration.ofSeconds(2)), clock);

        assertThatThrownBy(unreachable::metadata)
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE))
                .hasMessageContaining("unreachable");
    }

    @Test
    void metadataWhenDocumentNamesAnotherIssuerThenProviderUnavailable() {
        provider.discoveryIssuer(provider.issuer() + "/other");

        assertThatThrownBy(cache::metadata)
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE))
                .hasMessageContaining("§4.3");
    }

    @Test
    void metadataWhenRefreshedDocumentNamesAnotherIssuerThenLastGoodCopyKept() {
        ProviderMetadata first = cache.metadata();
        provider.discoveryIssuer("https://attacker.example");
        clock.advance(Duration.ofHours(2));

        assertThat(cache.metadata()).isEqualTo(first);
    }

    @Test
    void metadataWhenIssuerHasTrailingSlashThenWellKnownPathWithoutDoubleSlashAndIssuerComparedExactly() {
        DiscoveryCache slash = new DiscoveryCache(URI.create(provider.issuer() + "/"), new ProviderHttp(Duration.ofSeconds(5)), clock);

        // the provider's issuer has no trailing slash: not identical, so refused (§4.3)
        assertThatThrownBy(slash::metadata).hasMessageContaining("§4.3");
        assertThat(provider.discoveryFetches()).isEqualTo(1);
    }
}
