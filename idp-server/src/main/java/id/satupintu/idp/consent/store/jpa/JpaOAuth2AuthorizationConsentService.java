package id.satupintu.idp.consent.store.jpa;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import id.satupintu.idp.consent.GivenConsent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * Consents in PostgreSQL (H2 in the quickstart), keyed by (registered client id, principal name), as the
 * authorization server's {@link OAuth2AuthorizationConsentService}. A citizen withdraws a consent by
 * {@link #remove}; the next authorization request asks again (OIDC Core §3.1.2.4).
 */
public class JpaOAuth2AuthorizationConsentService implements OAuth2AuthorizationConsentService {

    private static final String SEPARATOR = " ";

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final Clock clock;

    public JpaOAuth2AuthorizationConsentService(EntityManagerFactory entityManagerFactory,
                                                PlatformTransactionManager transactionManager, Clock clock) {
        this.em = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        Assert.notNull(consent, "authorizationConsent cannot be null");
        String authorities = join(consent);
        tx.executeWithoutResult(status -> {
            ConsentEntity entity = em.find(ConsentEntity.class,
                    new ConsentEntity.Key(consent.getRegisteredClientId(), consent.getPrincipalName()));
            boolean isNew = entity == null;
            if (isNew) {
                entity = new ConsentEntity(consent.getRegisteredClientId(), consent.getPrincipalName());
            }
            entity.setAuthorities(authorities);
            entity.setGrantedAt(clock.instant());
            if (isNew) {
                em.persist(entity);
            }
        });
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        Assert.notNull(consent, "authorizationConsent cannot be null");
        tx.executeWithoutResult(status -> em.createQuery("delete from ConsentEntity c"
                        + " where c.registeredClientId = :client and c.principalName = :principal")
                .setParameter("client", consent.getRegisteredClientId())
                .setParameter("principal", consent.getPrincipalName())
                .executeUpdate());
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        Assert.hasText(registeredClientId, "registeredClientId cannot be empty");
        Assert.hasText(principalName, "principalName cannot be empty");
        return tx.execute(status -> {
            ConsentEntity entity = em.find(ConsentEntity.class, new ConsentEntity.Key(registeredClientId, principalName));
            return entity == null ? null : toConsent(entity);
        });
    }

    /** @return every consent a citizen has given, for the citizen's own consent overview */
    public List<OAuth2AuthorizationConsent> findByPrincipal(String principalName) {
        Assert.hasText(principalName, "principalName cannot be empty");
        return tx.execute(status -> em.createQuery(
                        "select c from ConsentEntity c where c.principalName = :principal order by c.registeredClientId",
                        ConsentEntity.class)
                .setParameter("principal", principalName)
                .getResultStream().map(JpaOAuth2AuthorizationConsentService::toConsent).toList());
    }

    /** @return every consent a citizen has given with when it was last given, for the connected-applications page */
    public List<GivenConsent> findGivenByPrincipal(String principalName) {
        Assert.hasText(principalName, "principalName cannot be empty");
        return tx.execute(status -> em.createQuery(
                        "select c from ConsentEntity c where c.principalName = :principal order by c.grantedAt desc",
                        ConsentEntity.class)
                .setParameter("principal", principalName)
                .getResultStream()
                .map(entity -> new GivenConsent(entity.getRegisteredClientId(),
                        toConsent(entity).getScopes(), entity.getGrantedAt()))
                .toList());
    }

    private static String join(OAuth2AuthorizationConsent consent) {
        return consent.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .peek(authority -> {
                    if (authority == null || authority.isBlank() || authority.chars().anyMatch(Character::isWhitespace)) {
                        throw new IllegalArgumentException("an authority must be a non-empty word, got '" + authority + "'");
                    }
                })
                .sorted().collect(Collectors.joining(SEPARATOR));
    }

    private static OAuth2AuthorizationConsent toConsent(ConsentEntity entity) {
        return OAuth2AuthorizationConsent.withId(entity.getRegisteredClientId(), entity.getPrincipalName())
                .authorities(authorities -> Arrays.stream(entity.getAuthorities().split(SEPARATOR))
                        .map(SimpleGrantedAuthority::new).forEach(authorities::add))
                .build();
    }
}
