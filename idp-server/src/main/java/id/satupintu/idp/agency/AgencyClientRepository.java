package id.satupintu.idp.agency;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * The authorization server's {@link RegisteredClientRepository}: clients of agencies, stored in the
 * database, with a short-lived in-memory cache in front.
 *
 * <p>The token endpoint looks the client up on every request (tens of thousands per second at
 * national peaks), so loads are cached. {@link #save} evicts the entry on this node only; other
 * nodes share nothing but PostgreSQL and Redis and learn of the change when their entry expires.
 * The TTL ({@code satupintu.clients.cache-ttl}, default 30 s) is therefore the longest time a
 * changed or rotated client can still be served stale by another node.
 *
 * <p>Every client returned carries its agency ({@link AgencyOfClient#SETTING}) and the settings of
 * {@link ClientTokenPolicy} (PKCE for all, refresh-token rotation, fixed lifetimes).
 */
@Component
public class AgencyClientRepository implements RegisteredClientRepository {

    /** Bounds memory under a flood of unknown client ids; far above the number of real clients per node. */
    static final int MAX_CACHED_CLIENTS = 100_000;

    private final ClientStore store;
    private final ExpiringCache<String, RegisteredClient> byId;
    private final ExpiringCache<String, RegisteredClient> byClientId;

    @Autowired
    public AgencyClientRepository(ClientStore store,
                                  @Value("${satupintu.clients.cache-ttl:30s}") Duration cacheTtl) {
        this(store, cacheTtl, System::nanoTime);
    }

    AgencyClientRepository(ClientStore store, Duration cacheTtl, LongSupplier nanoTime) {
        this.store = store;
        this.byId = new ExpiringCache<>(cacheTtl, MAX_CACHED_CLIENTS, nanoTime);
        this.byClientId = new ExpiringCache<>(cacheTtl, MAX_CACHED_CLIENTS, nanoTime);
    }

    /**
     * Stores the client. Its secret must already be encoded by the {@code PasswordEncoder}
     * (Spring's registration endpoint does that; so do the bootstrap and demo seeders).
     */
    @Override
    public void save(RegisteredClient client) {
        try {
            store.save(client);
        } finally {
            // also after a failed save: a cached absence may be what made the caller insert a duplicate
            byId.evict(client.getId());
            byClientId.evict(client.getClientId());
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id, store::findById).orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId, store::findByClientId).orElse(null);
    }
}
