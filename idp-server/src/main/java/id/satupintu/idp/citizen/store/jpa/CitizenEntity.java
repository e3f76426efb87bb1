package id.satupintu.idp.citizen.store.jpa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import id.satupintu.idp.citizen.Address;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.RegistryVerification;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.Sex;

/** Row of the {@code citizen} table (V2__citizens.sql); mapped to and from {@link Citizen} only here. */
@Entity
@Table(name = "citizen")
class CitizenEntity {

    @Id
    private UUID id;
    @Column(nullable = false, length = 16)
    private String nik;
    @Column(name = "full_name", nullable = false)
    private String fullName;
    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR) // H2 would otherwise expect its native enum type
    @Column(nullable = false, length = 6)
    private Sex sex;
    private String street;
    private String rt;
    private String rw;
    private String village;
    private String district;
    private String regency;
    private String province;
    @Column(name = "postal_code")
    private String postalCode;
    private String email;
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;
    @Column(name = "phone_number")
    private String phoneNumber;
    @Column(name = "phone_number_verified", nullable = false)
    private boolean phoneNumberVerified;
    @Column(name = "password_hash")
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    private CitizenStatus status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "family_card_number", nullable = false, length = 16)
    private String familyCardNumber;
    @Column(name = "registry_version", nullable = false)
    private long registryVersion;
    @Column(name = "verified_at", nullable = false)
    private Instant verifiedAt;

    /**
     * The conditional write of {@code CitizenStore#updateFromRegistry}: registry-derived fields only,
     * status only ever towards DECEASED, and only over an older registry version.
     */
    static final String REGISTRY_UPDATE = """
            update CitizenEntity c set c.fullName = :fullName, c.birthDate = :birthDate, c.sex = :sex,
                c.street = :street, c.rt = :rt, c.rw = :rw, c.village = :village, c.district = :district,
                c.regency = :regency, c.province = :province, c.postalCode = :postalCode,
                c.familyCardNumber = :familyCardNumber, c.registryVersion = :registryVersion,
                c.verifiedAt = :verifiedAt, c.updatedAt = :updatedAt,
                c.status = case when :deceased = true then :deceasedStatus else c.status end
            where c.id = :id and c.registryVersion < :registryVersion""";

    protected CitizenEntity() {
        // for Hibernate
    }

    static CitizenEntity from(Citizen c) {
        CitizenEntity e = new CitizenEntity();
        e.id = c.id();
        e.nik = c.nik().value();
        e.fullName = c.fullName();
        e.birthDate = c.birthDate();
        e.sex = c.sex();
        Address a = c.address();
        e.street = a.street();
        e.rt = a.rt();
        e.rw = a.rw();
        e.village = a.village();
        e.district = a.district();
        e.regency = a.regency();
        e.province = a.province();
        e.postalCode = a.postalCode();
        e.email = c.email();
        e.emailVerified = c.emailVerified();
        e.phoneNumber = c.phoneNumber();
        e.phoneNumberVerified = c.phoneNumberVerified();
        e.passwordHash = c.passwordHash();
        e.status = c.status();
        e.createdAt = c.createdAt();
        e.updatedAt = c.updatedAt();
        e.familyCardNumber = c.verification().familyCardNumber();
        e.registryVersion = c.verification().registryVersion();
        e.verifiedAt = c.verification().verifiedAt();
        return e;
    }

    /** Binds this row's registry-derived values to {@link #REGISTRY_UPDATE}. */
    Query bindRegistryUpdate(Query update) {
        return update.setParameter("id", id)
                .setParameter("fullName", fullName)
                .setParameter("birthDate", birthDate)
                .setParameter("sex", sex)
                .setParameter("street", street)
                .setParameter("rt", rt)
                .setParameter("rw", rw)
                .setParameter("village", village)
                .setParameter("district", district)
                .setParameter("regency", regency)
                .setParameter("province", province)
                .setParameter("postalCode", postalCode)
                .setParameter("familyCardNumber", familyCardNumber)
                .setParameter("registryVersion", registryVersion)
                .setParameter("verifiedAt", verifiedAt)
                .setParameter("updatedAt", updatedAt)
                .setParameter("deceased", status == CitizenStatus.DECEASED)
                .setParameter("deceasedStatus", CitizenStatus.DECEASED);
    }

    Citizen toCitizen() {
        // The registry's birth date is authoritative: resolving the NIK's two-digit year against the
        // day after it makes the NIK agree with it even for citizens born more than a century ago.
        return new Citizen(id, Nik.parse(nik, birthDate.plusDays(1)), fullName, birthDate, sex,
                new Address(street, rt, rw, village, district, regency, province, postalCode),
                email, emailVerified, phoneNumber, phoneNumberVerified, passwordHash, status, createdAt, updatedAt,
                new RegistryVerification(familyCardNumber, registryVersion, verifiedAt));
    }
}
