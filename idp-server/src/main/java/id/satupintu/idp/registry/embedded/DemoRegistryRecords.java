package id.satupintu.idp.registry.embedded;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.satupintu.idp.registry.Citizenship;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Religion;
import id.satupintu.idp.registry.Sex;

/**
 * The registry records behind README.md's demo people. Siti, Budi and Dewi have accounts from the
 * start (seeded by {@code DemoCitizens}); Rina and Agus have none, so a newcomer can try enrollment;
 * Hendra has died, to show what enrollment says then. Fixed values, so the README stays true.
 */
public final class DemoRegistryRecords {

    private static final Instant RECORDED = Instant.parse("2024-01-15T03:00:00Z");

    public static final RegistryRecord SITI = new RegistryRecord(Nik.parse("3171016502900001"), "3171011503150001",
            "SITI RAHAYU", "JAKARTA", LocalDate.of(1990, 2, 25), Sex.FEMALE,
            new RegistryAddress("Jl. Kebon Sirih No. 12", "003", "002", "3171011002", "Kebon Kelapa",
                    "317101", "Gambir", "3171", "Kota Jakarta Pusat", "31", "DKI Jakarta", "10120"),
            Religion.ISLAM, MaritalStatus.MARRIED, "KARYAWAN SWASTA", Citizenship.INDONESIAN, null, 1, RECORDED);

    public static final RegistryRecord BUDI = new RegistryRecord(Nik.parse("3273011708850002"), "3273012006100002",
            "BUDI SANTOSO", "BANDUNG", LocalDate.of(1985, 8, 17), Sex.MALE,
            new RegistryAddress("Jl. Setiabudi No. 45", "001", "004", "3273011002", "Gegerkalong",
                    "327301", "Sukasari", "3273", "Kota Bandung", "32", "Jawa Barat", "40153"),
            Religion.ISLAM, MaritalStatus.MARRIED, "PEGAWAI NEGERI SIPIL", Citizenship.INDONESIAN, null, 1, RECORDED);

    public static final RegistryRecord DEWI = new RegistryRecord(Nik.parse("3578015003950003"), "3578010207180003",
            "DEWI LESTARI", "SURABAYA", LocalDate.of(1995, 3, 10), Sex.FEMALE,
            new RegistryAddress(null, null, null, null, null, "357801", "Karang Pilang", "3578", "Kota Surabaya", "35",
                    "Jawa Timur", null),
            Religion.CATHOLIC, MaritalStatus.SINGLE, "MAHASISWA", Citizenship.INDONESIAN, null, 1, RECORDED);

    /** No account yet: README's enrollment walk-through uses her. */
    public static final RegistryRecord RINA = new RegistryRecord(Nik.parse("3374014107920004"), "3374011203150007",
            "RINA WULANDARI", "SEMARANG", LocalDate.of(1992, 7, 1), Sex.FEMALE,
            new RegistryAddress("Jl. Pemuda No. 150", "002", "001", "3374011002", "Sekayu",
                    "337401", "Semarang Tengah", "3374", "Kota Semarang", "33", "Jawa Tengah", "50132"),
            Religion.PROTESTANT, MaritalStatus.SINGLE, "GURU", Citizenship.INDONESIAN, null, 1, RECORDED);

    /** No account yet. */
    public static final RegistryRecord AGUS = new RegistryRecord(Nik.parse("5171032209880005"), "5171030105120003",
            "I GEDE AGUS SETIAWAN", "DENPASAR", LocalDate.of(1988, 9, 22), Sex.MALE,
            new RegistryAddress("Jl. Gatot Subroto Barat No. 8", "000", "000", "5171031006", "Padangsambian",
                    "517103", "Denpasar Barat", "5171", "Kota Denpasar", "51", "Bali", "80117"),
            Religion.HINDU, MaritalStatus.MARRIED, "WIRASWASTA", Citizenship.INDONESIAN, null, 1, RECORDED);

    /** Died in 2024: enrollment refuses him and says what the family can do. */
    public static final RegistryRecord HENDRA = new RegistryRecord(Nik.parse("1271011203600006"), "1271010101050002",
            "HENDRA GUNAWAN", "MEDAN", LocalDate.of(1960, 3, 12), Sex.MALE,
            new RegistryAddress("Jl. Sisingamangaraja No. 3", "005", "003", "1271011002", "Sitirejo I",
                    "127101", "Medan Kota", "1271", "Kota Medan", "12", "Sumatera Utara", "20217"),
            Religion.BUDDHIST, MaritalStatus.WIDOWED, "PENSIUNAN", Citizenship.INDONESIAN, LocalDate.of(2024, 5, 1), 2,
            RECORDED);

    private DemoRegistryRecords() {
    }

    public static List<RegistryRecord> all() {
        return List.of(SITI, BUDI, DEWI, RINA, AGUS, HENDRA);
    }
}
