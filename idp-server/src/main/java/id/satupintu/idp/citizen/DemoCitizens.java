package id.satupintu.idp.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.Sex;

/**
 * Seeds the demo citizens listed in README.md when {@code satupintu.demo-data=true} (the quickstart
 * default; production sets it false). Idempotent: an account that already exists is left alone, so
 * restarts and several nodes starting together are harmless. Runs before the web server accepts
 * requests, so the first login already finds them.
 */
@Component
@ConditionalOnProperty(name = "satupintu.demo-data", havingValue = "true", matchIfMissing = true)
class DemoCitizens implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCitizens.class);

    /** The one password of every demo citizen; documented in README.md, never valid in production. */
    static final String DEMO_PASSWORD = "demo-warga-satu-pintu";

    private final CitizenStore citizens;
    private final CitizenPasswordHasher hasher;
    private final Clock clock = Clock.systemUTC();

    DemoCitizens(CitizenStore citizens, CitizenPasswordHasher hasher) {
        this.citizens = citizens;
        this.hasher = hasher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** @return how many demo citizens were created (0 when all already existed) */
    int seed() {
        // Argon2 is slow by design: hash the shared password once, and only if someone needs it.
        Supplier<String> passwordHash = new Supplier<>() {
            private String hash;

            @Override
            public String get() {
                if (hash == null) {
                    hash = hasher.hash(DEMO_PASSWORD);
                }
                return hash;
            }
        };
        int created = 0;
        for (DemoCitizen demo : demoCitizens()) {
            Nik nik = Nik.parse(demo.nik());
            if (citizens.findByNik(nik).isPresent()) {
                continue;
            }
            Instant now = clock.instant();
            try {
                citizens.save(new Citizen(demo.id(), nik, demo.name(), demo.birthDate(), demo.sex(), demo.address(),
                        demo.email(), demo.email() != null, demo.phone(), demo.phoneVerified(), passwordHash.get(),
                        CitizenStatus.ACTIVE, now, now));
                created++;
            } catch (DuplicateNikException e) {
                // another node seeded it at the same moment: that is the wanted end state
            }
        }
        if (created > 0) {
            LOG.info("Seeded {} demo citizens (satupintu.demo-data=true)", created);
        }
        return created;
    }

    /** Fixed ids keep pairwise subject identifiers of the demo citizens stable across fresh databases. */
    static List<DemoCitizen> demoCitizens() {
        return List.of(
                new DemoCitizen(UUID.fromString("5a7c1f0e-3171-4000-8000-000000000001"), "3171016502900001",
                        "Siti Rahayu", LocalDate.of(1990, 2, 25), Sex.FEMALE,
                        new Address("Jl. Kebon Sirih No. 12", "003", "002", "Kebon Kelapa", "Gambir",
                                "Kota Jakarta Pusat", "DKI Jakarta", "10120"),
                        "siti.rahayu@example.id", "+6281234567801", true),
                new DemoCitizen(UUID.fromString("5a7c1f0e-3273-4000-8000-000000000002"), "3273011708850002",
                        "Budi Santoso", LocalDate.of(1985, 8, 17), Sex.MALE,
                        new Address("Jl. Setiabudi No. 45", "001", "004", "Gegerkalong", "Sukasari",
                                "Kota Bandung", "Jawa Barat", "40153"),
                        "budi.santoso@example.id", "+6281234567802", false),
                new DemoCitizen(UUID.fromString("5a7c1f0e-3578-4000-8000-000000000003"), "3578015003950003",
                        "Dewi Lestari", LocalDate.of(1995, 3, 10), Sex.FEMALE,
                        new Address(null, null, null, null, null, "Kota Surabaya", "Jawa Timur", null),
                        null, null, false));
    }

    record DemoCitizen(UUID id, String nik, String name, LocalDate birthDate, Sex sex, Address address,
                       String email, String phone, boolean phoneVerified) {
    }
}
