package id.satupintu.idp.registry.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;
import id.satupintu.idp.registry.embedded.RegistryRecordSource;

/**
 * {@code count} generated records for the benchmark, computed on demand from the NIK, none stored:
 * record {@code i} lives in district 3171 01 (Gambir), born {@code i / 9999} days after 1 January 1950,
 * serial {@code i % 9999 + 1}. Not the synthetic population generator (package {@code registry.synthetic}):
 * just enough distinct, valid NIKs for a cold cache.
 */
public final class SequentialRecords implements RegistryRecordSource {

    private static final String DISTRICT = "317101";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);
    private static final int SERIALS = 9999;
    private static final RegistryAddress ADDRESS = new RegistryAddress("Jl. Medan Merdeka Barat No. 1", "001", "001",
            "3171011001", "Gambir", DISTRICT, "Gambir", "3171", "Kota Jakarta Pusat", "31", "DKI Jakarta", "10110");

    private final long count;

    public SequentialRecords(long count) {
        this.count = count;
    }

    /** @return the NIK of record {@code index} (0-based) */
    public static Nik nik(long index) {
        LocalDate birth = FIRST_BIRTH.plusDays(index / SERIALS);
        String date = String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        return Nik.parse(DISTRICT + date + String.format("%04d", index % SERIALS + 1), LocalDate.of(2049, 12, 31));
    }

    @Override
    public Optional<RegistryRecord> find(Nik nik) {
        if (!nik.value().startsWith(DISTRICT) || nik.sex() != Sex.MALE) {
            return Optional.empty();
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(FIRST_BIRTH, nik.birthDate());
        if (days < 0) {
            return Optional.empty();
        }
        long index = days * SERIALS + Integer.parseInt(nik.serial()) - 1;
        if (index >= count) {
            return Optional.empty();
        }
        return Optional.of(new RegistryRecord(nik, "3171011501200001", "WARGA SINTETIS " + index, "JAKARTA",
                nik.birthDate(), Sex.MALE, ADDRESS, Religion.ISLAM, MaritalStatus.SINGLE, "KARYAWAN SWASTA",
                Citizenship.INDONESIAN, null, 1, Instant.parse("2024-01-15T03:00:00Z")));
    }

    @Override
    public long size() {
        return count;
    }
}
