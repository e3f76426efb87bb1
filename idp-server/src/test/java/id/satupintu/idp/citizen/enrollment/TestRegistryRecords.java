package id.satupintu.idp.citizen.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;

/**
 * Registry records for enrollment tests. Each call gets a NIK of its own (Semarang Barat, district 337402,
 * never used by the demo data or {@code TestCitizens}), so tests never consume one another's records.
 */
public final class TestRegistryRecords {

    private static final AtomicInteger SERIAL = new AtomicInteger(1 + (int) (System.nanoTime() % 5000));
    private static final Instant RECORDED = Instant.parse("2025-03-01T02:00:00Z");
    public static final LocalDate BIRTH_DATE = LocalDate.of(1992, 7, 1);

    private TestRegistryRecords() {
    }

    /** @return a living woman born 1992-07-01, like the demo's Rina, with a fresh NIK and family card number */
    public static RegistryRecord fresh() {
        int serial = SERIAL.getAndIncrement() % 9999 + 1;
        String nik = "337402" + "410792" + "%04d".formatted(serial);
        String familyCard = "337402" + "120315" + "%04d".formatted(serial);
        return new RegistryRecord(Nik.parse(nik), familyCard, "RINA WULANDARI", "SEMARANG", BIRTH_DATE, Sex.FEMALE,
                new RegistryAddress("Jl. Pemuda No. 150", "002", "001", "3374021001", "Bongsari", "337402",
                        "Semarang Barat", "3374", "Kota Semarang", "33", "Jawa Tengah", "50148"),
                Religion.PROTESTANT, MaritalStatus.SINGLE, "GURU", Citizenship.INDONESIAN, null, 3, RECORDED);
    }

    /** @return a fresh record of a person who died in 2024 */
    public static RegistryRecord freshDeceased() {
        RegistryRecord alive = fresh();
        return alive.withDeath(LocalDate.of(2024, 5, 1), alive.version() + 1, RECORDED);
    }

    /** @return a well-formed NIK that no record has */
    public static Nik unknownNik() {
        int serial = SERIAL.getAndIncrement() % 9999 + 1;
        return Nik.parse("337402" + "410792" + "%04d".formatted(serial));
    }
}
