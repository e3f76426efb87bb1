package id.satupintu.idp.oidc.grant.store.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code refresh_grant_superseded_token} (V3): a refresh token hash a grant rotated away from. */
@Entity
@Table(name = "refresh_grant_superseded_token")
class SupersededRefreshTokenEntity {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "grant_id", length = 100, nullable = false)
    private String grantId;

    @Column(name = "superseded_at", nullable = false)
    private Instant supersededAt;

    protected SupersededRefreshTokenEntity() {
        // for Hibernate
    }

    SupersededRefreshTokenEntity(String tokenHash, String grantId, Instant supersededAt) {
        this.tokenHash = tokenHash;
        this.grantId = grantId;
        this.supersededAt = supersededAt;
    }

    String getGrantId() {
        return grantId;
    }
}
