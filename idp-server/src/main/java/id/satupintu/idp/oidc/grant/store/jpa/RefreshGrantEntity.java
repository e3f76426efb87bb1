package id.satupintu.idp.oidc.grant.store.jpa;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code refresh_grant} (V3). Only hashes, never token values. */
@Entity
@Table(name = "refresh_grant")
class RefreshGrantEntity {

    @Id
    @Column(name = "id", length = 100)
    private String id;

    @Column(name = "registered_client_id", length = 100, nullable = false)
    private String registeredClientId;

    @Column(name = "principal_name", length = 200, nullable = false)
    private String principalName;

    @Column(name = "refresh_token_hash", length = 64, nullable = false)
    private String refreshTokenHash;

    @Column(name = "access_token_hash", length = 64)
    private String accessTokenHash;

    @Column(name = "id_token_hash", length = 64)
    private String idTokenHash;

    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "snapshot", nullable = false)
    private byte[] snapshot;

    protected RefreshGrantEntity() {
        // for Hibernate
    }

    RefreshGrantEntity(String id) {
        this.id = id;
    }

    String getId() {
        return id;
    }

    String getRegisteredClientId() {
        return registeredClientId;
    }

    void setRegisteredClientId(String registeredClientId) {
        this.registeredClientId = registeredClientId;
    }

    String getPrincipalName() {
        return principalName;
    }

    void setPrincipalName(String principalName) {
        this.principalName = principalName;
    }

    String getRefreshTokenHash() {
        return refreshTokenHash;
    }

    void setRefreshTokenHash(String refreshTokenHash) {
        this.refreshTokenHash = refreshTokenHash;
    }

    String getAccessTokenHash() {
        return accessTokenHash;
    }

    void setAccessTokenHash(String accessTokenHash) {
        this.accessTokenHash = accessTokenHash;
    }

    String getIdTokenHash() {
        return idTokenHash;
    }

    void setIdTokenHash(String idTokenHash) {
        this.idTokenHash = idTokenHash;
    }

    String getCodeHash() {
        return codeHash;
    }

    void setCodeHash(String codeHash) {
        this.codeHash = codeHash;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    byte[] getSnapshot() {
        return snapshot;
    }

    void setSnapshot(byte[] snapshot) {
        this.snapshot = snapshot;
    }
}
