package id.satupintu.idp.agency.store.jpa;

import java.time.Instant;
import java.util.UUID;

import id.satupintu.idp.agency.Agency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of the {@code agency} table (V4__agencies_clients.sql). */
@Entity
@Table(name = "agency")
class AgencyEntity {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgencyEntity() {
        // for Hibernate
    }

    AgencyEntity(String code, String name, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    Agency toAgency() {
        return new Agency(code, name, createdAt);
    }
}
