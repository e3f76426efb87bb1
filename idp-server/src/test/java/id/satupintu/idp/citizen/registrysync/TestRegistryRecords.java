package id.satupintu.idp.citizen.registrysync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;

/**
 * Registry records of people nobody else's tests use: men born 1 January 1980 in Kota Bandung
 * (Sukasari), each with a serial of his own, so the demo citizens (Siti, Budi, Dewi) and
 * {@code TestCitizens}' women are never touched by registry events.
 */
public final class TestRegistryRecords {

    private static final AtomicInteger SERIAL = new AtomicInteger(1 + (int) (System.nanoTime() % 5000));
    private static final LocalDate BIRTH_DATE = LocalDate.of(1980, 1, 1);

    private TestRegistryRecords() {
    }

    /** @return a living person's record at version 1, with a NIK no other fixture uses */
    public static RegistryRecord fresh() {
        String nik = "327301" + "010180" + "%04d".formatted(SERIAL.getAndIncrement() % 9999 + 1);
        return new RegistryRecord(Nik.parse(nik), "3273012006100009", "AGUNG PRASETYO", "BANDUNG", BIRTH_DATE,
                Sex.MALE, bandung(), Religion.ISLAM, MaritalStatus.SINGLE, "KARYAWAN SWASTA", Citizenship.INDONESIAN,
                null, 1, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static RegistryAddress bandung() {
        return new RegistryAddress("Jl. Setiabudi No. 99", "001", "004", "3273011001", "Gegerkalong",
                "327301", "Sukasari", "3273", "Kota Bandung", "32", "Jawa Barat", "40153");
    }

    public static RegistryAddress surabaya() {
        return new RegistryAddress("Jl. Tunjungan No. 7", "002", "003", "3578011001", "Genteng",
                "357801", "Genteng", "3578", "Kota Surabaya", "35", "Jawa Timur", "60275");
    }

    /** @return the account enrollment would make from {@code record}, with the given password hash */
    public static Citizen accountOf(RegistryRecord record, String passwordHash) {
        return Citizen.enrolledFrom(record, UUID.randomUUID(), passwordHash,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
