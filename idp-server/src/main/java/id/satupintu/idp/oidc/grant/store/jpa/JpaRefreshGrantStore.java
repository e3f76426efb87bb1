package id.satupintu.idp.oidc.grant.store.jpa;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.satupintu.idp.oidc.grant.GrantTokenKind;
import id.satupintu.idp.oidc.grant.RefreshGrant;
import id.satupintu.idp.oidc.grant.RefreshGrantStore;
import id.satupintu.idp.oidc.grant.TokenHash;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Refresh grants in PostgreSQL (H2 in the quickstart) through Hibernate; tables from V3. */
public class JpaRefreshGrantStore implements RefreshGrantStore {

    private final EntityManager em;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    public JpaRefreshGrantStore(EntityManagerFactory entityManagerFactory,
                                PlatformTransactionManager transactionManager, Clock clock) {
        this.em = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        this.tx = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    @Override
    public void save(RefreshGrant grant) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            // the row lock serialises two rotations of one grant: the later one then supersedes the
            // earlier one's token, so a raced refresh ends in reuse detection rather than a fork
            RefreshGrantEntity entity = em.find(RefreshGrantEntity.class, grant.id(), LockModeType.PESSIMISTIC_WRITE);
            String newRefreshHash = grant.hashes().get(GrantTokenKind.REFRESH_TOKEN).value();
            if (entity == null) {
                entity = new RefreshGrantEntity(grant.id());
                apply(grant, entity, now);
                em.persist(entity);
                return;
            }
            if (!entity.getRefreshTokenHash().equals(newRefreshHash)) {
                em.persist(new SupersededRefreshTokenEntity(entity.getRefreshTokenHash(), grant.id(), now));
            }
            apply(grant, entity, now);
        });
    }

    private static void apply(RefreshGrant grant, RefreshGrantEntity entity, Instant now) {
        entity.setRegisteredClientId(grant.registeredClientId());
        entity.setPrincipalName(grant.principalName());
        entity.setRefreshTokenHash(hashValue(grant, GrantTokenKind.REFRESH_TOKEN));
        entity.setAccessTokenHash(hashValue(grant, GrantTokenKind.ACCESS_TOKEN));
        entity.setIdTokenHash(hashValue(grant, GrantTokenKind.ID_TOKEN));
        entity.setCodeHash(hashValue(grant, GrantTokenKind.CODE));
        entity.setExpiresAt(grant.expiresAt());
        entity.setUpdatedAt(now);
        entity.setSnapshot(grant.snapshot());
    }

    private static String hashValue(RefreshGrant grant, GrantTokenKind kind) {
        TokenHash hash = grant.hashes().get(kind);
        return hash == null ? null : hash.value();
    }

    @Override
    public Optional<RefreshGrant> findById(String id) {
        return readOnly.execute(status -> Optional.ofNullable(em.find(RefreshGrantEntity.class, id))
                .map(JpaRefreshGrantStore::toGrant));
    }

    @Override
    public Optional<RefreshGrant> findByCurrentHash(TokenHash hash, GrantTokenKind kind) {
        String where;
        if (kind == null) {
            where = "g.refreshTokenHash = :hash or g.accessTokenHash = :hash or g.idTokenHash = :hash"
                    + " or g.codeHash = :hash";
        } else {
            where = switch (kind) {
                case REFRESH_TOKEN -> "g.refreshTokenHash = :hash";
                case ACCESS_TOKEN -> "g.accessTokenHash = :hash";
                case ID_TOKEN -> "g.idTokenHash = :hash";
                case CODE -> "g.codeHash = :hash";
                case STATE -> null;
            };
            if (where == null) {
                return Optional.empty();
            }
        }
        String query = "select g from RefreshGrantEntity g where " + where;
        return readOnly.execute(status -> em.createQuery(query, RefreshGrantEntity.class)
                .setParameter("hash", hash.value())
                .setMaxResults(1)
                .getResultStream().findFirst().map(JpaRefreshGrantStore::toGrant));
    }

    @Override
    public Optional<String> findIdBySupersededRefreshToken(TokenHash hash) {
        return readOnly.execute(status -> Optional.ofNullable(em.find(SupersededRefreshTokenEntity.class, hash.value()))
                .map(SupersededRefreshTokenEntity::getGrantId));
    }

    @Override
    public List<String> findIdsByPrincipal(String principalName) {
        return readOnly.execute(status -> em.createQuery(
                        "select g.id from RefreshGrantEntity g where g.principalName = :principal", String.class)
                .setParameter("principal", principalName).getResultList());
    }

    @Override
    public void delete(String id) {
        tx.executeWithoutResult(status -> deleteGrants("g.id = :id", "id", id));
    }

    @Override
    public int deleteExpired(Instant now) {
        return tx.execute(status -> deleteGrants("g.expiresAt < :now", "now", now));
    }

    private int deleteGrants(String where, String parameter, Object value) {
        // bulk deletes, children first: JPQL bulk operations do not rely on the database cascade
        em.createQuery("delete from SupersededRefreshTokenEntity s where s.grantId in"
                        + " (select g.id from RefreshGrantEntity g where " + where + ")")
                .setParameter(parameter, value).executeUpdate();
        return em.createQuery("delete from RefreshGrantEntity g where " + where)
                .setParameter(parameter, value).executeUpdate();
    }

    private static RefreshGrant toGrant(RefreshGrantEntity entity) {
        Map<GrantTokenKind, TokenHash> hashes = new EnumMap<>(GrantTokenKind.class);
        hashes.put(GrantTokenKind.REFRESH_TOKEN, new TokenHash(entity.getRefreshTokenHash()));
        putIfPresent(hashes, GrantTokenKind.ACCESS_TOKEN, entity.getAccessTokenHash());
        putIfPresent(hashes, GrantTokenKind.ID_TOKEN, entity.getIdTokenHash());
        putIfPresent(hashes, GrantTokenKind.CODE, entity.getCodeHash());
        return new RefreshGrant(entity.getId(), entity.getRegisteredClientId(), entity.getPrincipalName(), hashes,
                entity.getExpiresAt(), entity.getSnapshot());
    }

    private static void putIfPresent(Map<GrantTokenKind, TokenHash> hashes, GrantTokenKind kind, String value) {
        if (value != null) {
            hashes.put(kind, new TokenHash(value));
        }
    }
}
