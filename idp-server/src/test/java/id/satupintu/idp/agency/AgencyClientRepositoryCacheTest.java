package id.satupintu.idp.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cache in front of the client store, over the real PostgreSQL store: the token endpoint must
 * not reach the database on every request.
 */
@SpringBootTest(properties = "satupintu.demo-data=false")
class AgencyClientRepositoryCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @Autowired
    ClientStore realStore;

    @Autowired
    AgencyStore agencies;

    private CountingClientStore countingStore;
    private final AtomicLong nanoTime = new AtomicLong();
    private AgencyClientRepository repository;

    @BeforeEach
    void setUp() {
        countingStore = new CountingClientStore(realStore);
        repository = new AgencyClientRepository(countingStore, TTL, nanoTime::get);
    }

    @Test
    void findByClientIdWhenCalledTwiceWithinTtlThenStoreQueriedOnce() {
        RegisteredClient client = savedClient();

        RegisteredClient first = repository.findByClientId(client.getClientId());
        RegisteredClient second = repository.findByClientId(client.getClientId());

        assertThat(first.getId()).isEqualTo(client.getId());
        assertThat(second).isSameAs(first);
        assertThat(countingStore.loads.get()).isEqualTo(1);
    }

    @Test
    void findByIdWhenCalledTwiceWithinTtlThenStoreQueriedOnce() {
        RegisteredClient client = savedClient();

        repository.findById(client.getId());
        repository.findById(client.getId());

        assertThat(countingStore.loads.get()).isEqualTo(1);
    }

    @Test
    void findByClientIdWhenTtlElapsedThenReloadedFromStore() {
        RegisteredClient client = savedClient();
        repository.findByClientId(client.getClientId());

        nanoTime.addAndGet(TTL.toNanos());
        repository.findByClientId(client.getClientId());

        assertThat(countingStore.loads.get()).isEqualTo(2);
    }

    @Test
    void findByClientIdWhenUnknownThenAbsenceIsCachedToo() {
        assertThat(repository.findByClientId("nobody")).isNull();
        assertThat(repository.findByClientId("nobody")).isNull();

        assertThat(countingStore.loads.get()).isEqualTo(1);
    }

    @Test
    void findWhenClientSavedThroughRepositoryThenChangeVisibleAtOnce() {
        RegisteredClient client = savedClient();
        repository.findByClientId(client.getClientId());
        repository.findById(client.getId());

        repository.save(RegisteredClient.from(client).clientName("Renamed").build());

        assertThat(repository.findByClientId(client.getClientId()).getClientName()).isEqualTo("Renamed");
        assertThat(repository.findById(client.getId()).getClientName()).isEqualTo("Renamed");
    }

    @Test
    void findByClientIdWhenRegisteredAfterAbsenceWasCachedThenSaveMakesItVisible() {
        RegisteredClient client = TestClients.confidentialWebApp(TestAgencies.stored(agencies)).build();
        assertThat(repository.findByClientId(client.getClientId())).isNull();

        repository.save(client);

        assertThat(repository.findByClientId(client.getClientId())).isNotNull();
    }

    @Test
    void cacheWhenFullThenBoundedInSize() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(TTL, 3, nanoTime::get);

        for (int i = 0; i < 10; i++) {
            cache.get("key-" + i, k -> Optional.empty());
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void cacheWhenTtlIsZeroThenNothingCached() {
        AgencyClientRepository uncached = new AgencyClientRepository(countingStore, Duration.ZERO, nanoTime::get);
        RegisteredClient client = savedClient();

        uncached.findByClientId(client.getClientId());
        uncached.findByClientId(client.getClientId());

        assertThat(countingStore.loads.get()).isEqualTo(2);
    }

    private RegisteredClient savedClient() {
        RegisteredClient client = TestClients.confidentialWebApp(TestAgencies.stored(agencies)).build();
        realStore.save(client);
        return client;
    }

    /** Delegates to the real store and counts the loads that reach it. */
    private static final class CountingClientStore implements ClientStore {

        final AtomicInteger loads = new AtomicInteger();
        private final ClientStore delegate;

        CountingClientStore(ClientStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(RegisteredClient client) {
            delegate.save(client);
        }

        @Override
        public Optional<RegisteredClient> findById(String id) {
            loads.incrementAndGet();
            return delegate.findById(id);
        }

        @Override
        public Optional<RegisteredClient> findByClientId(String clientId) {
            loads.incrementAndGet();
            return delegate.findByClientId(clientId);
        }
    }
}
