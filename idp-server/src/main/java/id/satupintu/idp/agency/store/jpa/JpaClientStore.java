package id.satupintu.idp.agency.store.jpa;

import java.time.Clock;
import java.util.Optional;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.ClientStore;
import id.satupintu.idp.agency.TokenLifetimes;
import id.satupintu.idp.agency.UnknownAgencyException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ClientStore} on the {@code oauth_client} table through Hibernate. */
@Component
public class JpaClientStore implements ClientStore {

    private final ClientJpaRepository clients;
    private final AgencyJpaRepository agencies;
    private final TokenLifetimes lifetimes;
    private final Clock clock = Clock.systemUTC();

    public JpaClientStore(ClientJpaRepository clients, AgencyJpaRepository agencies, TokenLifetimes lifetimes) {
        this.clients = clients;
        this.agencies = agencies;
        this.lifetimes = lifetimes;
    }

    @Override
    @Transactional
    public void save(RegisteredClient client) {
        String agencyCode = client.getClientSettings().getSetting(AgencyOfClient.SETTING);
        if (agencyCode == null) {
            throw new IllegalArgumentException("client " + client.getClientId() + " has no agency");
        }
        AgencyEntity agency = agencies.findByCode(agencyCode).orElseThrow(() -> new UnknownAgencyException(agencyCode));
        ClientEntity row = clients.findById(client.getId()).orElseGet(ClientEntity::new);
        RegisteredClientMapper.copyOnto(client, row, agency, clock.instant());
        clients.save(row);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RegisteredClient> findById(String id) {
        return clients.findById(id).map(row -> RegisteredClientMapper.toRegisteredClient(row, lifetimes));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<RegisteredClient> findByClientId(String clientId) {
        return clients.findByClientId(clientId).map(row -> RegisteredClientMapper.toRegisteredClient(row, lifetimes));
    }
}
