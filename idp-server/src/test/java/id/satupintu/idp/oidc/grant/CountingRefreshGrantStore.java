package id.satupintu.idp.oidc.grant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;

/** Passes every call to the real refresh-grant store and counts them, to prove which paths skip the database. */
final class CountingRefreshGrantStore implements RefreshGrantStore {

    private final RefreshGrantStore delegate;
    private final AtomicInteger calls = new AtomicInteger();

    CountingRefreshGrantStore(RefreshGrantStore delegate) {
        this.delegate = delegate;
    }

    /** Wraps the context's real store. */
    static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof RefreshGrantStore store && !(bean instanceof CountingRefreshGrantStore)
                        ? new CountingRefreshGrantStore(store) : bean;
            }
        };
    }

    int calls() {
        return calls.get();
    }

    void reset() {
        calls.set(0);
    }

    @Override
    public void save(RefreshGrant grant) {
        calls.incrementAndGet();
        delegate.save(grant);
    }

    @Override
    public Optional<RefreshGrant> findById(String id) {
        calls.incrementAndGet();
        return delegate.findById(id);
    }

    @Override
    public Optional<RefreshGrant> findByCurrentHash(TokenHash hash, GrantTokenKind kind) {
        calls.incrementAndGet();
        return delegate.findByCurrentHash(hash, kind);
    }

    @Override
    public Optional<String> findIdBySupersededRefreshToken(TokenHash hash) {
        calls.incrementAndGet();
        return delegate.findIdBySupersededRefreshToken(hash);
    }

    @Override
    public List<String> findIdsByPrincipal(String principalName) {
        calls.incrementAndGet();
        return delegate.findIdsByPrincipal(principalName);
    }

    @Override
    public void delete(String id) {
        calls.incrementAndGet();
        delegate.delete(id);
    }

    @Override
    public int deleteExpired(Instant now) {
        calls.incrementAndGet();
        return delegate.deleteExpired(now);
    }
}
