package id.satupintu.idp.oidc.grant.store;

import java.time.Clock;

import id.satupintu.idp.oidc.grant.EphemeralAuthorizationStore;
import id.satupintu.idp.oidc.grant.store.memory.MemoryEphemeralAuthorizationStore;

/** The ephemeral store contract against the quickstart's in-memory implementation. */
class MemoryEphemeralAuthorizationStoreTest extends EphemeralAuthorizationStoreContract {

    @Override
    protected EphemeralAuthorizationStore createStore() {
        return new MemoryEphemeralAuthorizationStore(Clock.systemUTC());
    }
}
