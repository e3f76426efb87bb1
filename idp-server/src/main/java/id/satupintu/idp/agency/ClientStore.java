package id.satupintu.idp.agency;

import java.util.Optional;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Durable store of relying-party clients, without caching; {@link AgencyClientRepository} puts the
 * cache in front of it. A client's secret is held only in its encoded (SHA-256) form.
 */
public interface ClientStore {

    /**
     * Inserts or updates the client (matched by {@link RegisteredClient#getId()}).
     *
     * @throws UnknownAgencyException when the client's {@link AgencyOfClient#SETTING} names no stored agency
     * @throws IllegalArgumentException when the client carries no agency
     */
    void save(RegisteredClient client);

    Optional<RegisteredClient> findById(String id);

    Optional<RegisteredClient> findByClientId(String clientId);
}
