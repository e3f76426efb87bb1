package id.satupintu.idp.citizen;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.RegistryUnavailableException;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;

/**
 * Seeds the demo citizens listed in README.md when {@code satupintu.demo-data=true} (the quickstart
 * default; production sets it false). Like every account, each is made from the record the
 * registry returns for its NIK, so a demo account exists only where the registry vouches for it.
 * Idempotent: an account that already exists is left alone, so restarts and several nodes
 * starting together are harmless. Runs before the web server accepts requests, so the first login
 * already finds them.
 */
@Component
@ConditionalOnProperty(name = "satupintu.demo-data", havingValue = "true", matchIfMissing = true)
class DemoCitizens implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCitizens.class);

    /** The one password of every demo citizen; documented in README.md, never valid in production. */
    static final String DEMO_PASSWORD = "demo-warga-satu-pintu";

    private final CitizenStore citizens;
    private final CitizenPasswordHasher hasher;
    private final RegistryConnector registry;
    private final Clock clock = Clock.systemUTC();

    DemoCitizens(CitizenStore citizens, CitizenPasswordHasher hasher, RegistryConnector registry) {
        this.citizens = citizens;
        this.hasher = hasher;
        this.registry = registry;
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
            if (citizens.findByNik(demo.nik()).isPresent()) {
                continue;
            }
            Optional<RegistryRecord> record = registryRecord(demo.nik());
            if (record.isEmpty() || record.get().isDeceased()) {
                LOG.warn("Demo citizen {} not seeded: the registry does not vouch for {}", demo.id(),
                        demo.nik().masked());
                continue;
            }
            Instant now = clock.instant();
            Citizen citizen = Citizen.enrolledFrom(record.get(), demo.id(), passwordHash.get(), now);
            try {
                citizens.save(new Citizen(citizen.id(), citizen.nik(), citizen.fullName(), citizen.birthDate(),
                        citizen.sex(), citizen.address(), demo.email(), demo.email() != null, demo.phone(),
                        demo.phoneVerified(), citizen.passwordHash(), citizen.status(), now, now,
                        citizen.verification()));
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

    private Optional<RegistryRecord> registryRecord(Nik nik) {
        try {
            return registry.lookup(nik);
        } catch (RegistryUnavailableException e) {
            LOG.warn("Demo citizens not seeded yet: the registry is unavailable ({})", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The demo accounts: the registry supplies identity; contact details are the account's own.
     * Fixed ids keep pairwise subject identifiers of the demo citizens stable across fresh databases.
     */
    static List<DemoCitizen> demoCitizens() {
        return List.of(
                new DemoCitizen(UUID.fromString("5a7c1f0e-3171-4000-8000-000000000001"), DemoRegistryRecords.SITI.nik(),
                        "siti.rahayu@example.id", "+6281234567801", true),
                new DemoCitizen(UUID.fromString("5a7c1f0e-3273-4000-8000-000000000002"), DemoRegistryRecords.BUDI.nik(),
                        "budi.santoso@example.id", "+6281234567802", false),
                new DemoCitizen(UUID.fromString("5a7c1f0e-3578-4000-8000-000000000003"), DemoRegistryRecords.DEWI.nik(),
                        null, null, false));
    }

    record DemoCitizen(UUID id, Nik nik, String email, String phone, boolean phoneVerified) {
    }
}
