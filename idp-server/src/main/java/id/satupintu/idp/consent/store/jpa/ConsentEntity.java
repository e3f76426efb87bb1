package id.satupintu.idp.consent.store.jpa;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Row of {@code consent} (V5): the authorities a citizen granted a client, space-separated. */
@Entity
@Table(name = "consent")
@IdClass(ConsentEntity.Key.class)
class ConsentEntity {

    /** Composite key: (registered client id, principal name). */
    static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String registeredClientId;
        private String principalName;

        protected Key() {
            // for Hibernate
        }

        Key(String registeredClientId, String principalName) {
            this.registeredClientId = registeredClientId;
            this.principalName = principalName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(registeredClientId, other.registeredClientId)
                    && Objects.equals(principalName, other.principalName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(registeredClientId, principalName);
        }
    }

    @Id
    @Column(name = "registered_client_id", length = 100)
    private String registeredClientId;

    @Id
    @Column(name = "principal_name", length = 200)
    private String principalName;

    @Column(name = "authorities", length = 4000, nullable = false)
    private String authorities;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected ConsentEntity() {
        // for Hibernate
    }

    ConsentEntity(String registeredClientId, String principalName) {
        this.registeredClientId = registeredClientId;
        this.principalName = principalName;
    }

    String getRegisteredClientId() {
        return registeredClientId;
    }

    String getPrincipalName() {
        return principalName;
    }

    String getAuthorities() {
        return authorities;
    }

    void setAuthorities(String authorities) {
        this.authorities = authorities;
    }

    Instant getGrantedAt() {
        return grantedAt;
    }

    void setGrantedAt(Instant grantedAt) {
        this.grantedAt = grantedAt;
    }
}
