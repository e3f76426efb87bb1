package id.satupintu.idp.saml.sso;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderStore;

/** Registered SPs in a map, for the unit tests of the checks; the HTTP tests use the real registry. */
final class InMemoryServiceProviders implements ServiceProviderStore {

    private final Map<String, ServiceProvider> byEntityId = new ConcurrentHashMap<>();

    ServiceProvider add(ServiceProvider sp) {
        byEntityId.put(sp.entityId(), sp);
        return sp;
    }

    @Override
    public Optional<ServiceProvider> findByEntityId(String entityId) {
        return Optional.ofNullable(byEntityId.get(entityId));
    }

    @Override
    public Optional<ServiceProvider> findById(UUID id) {
        return byEntityId.values().stream().filter(sp -> sp.id().equals(id)).findFirst();
    }

    @Override
    public List<ServiceProvider> findByAgency(String agencyCode) {
        return byEntityId.values().stream().filter(sp -> sp.agencyCode().equals(agencyCode)).toList();
    }
}
