package id.satupintu.idp.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.Sex;

/** Citizen fixtures. Each call of {@link #fresh} gets its own NIK, so tests never share an account. */
public final class TestCitizens {

    /** Starts away from the demo citizens' serials 0001–0003. */
    private static final AtomicInteger SERIAL = new AtomicInteger(1000 + (int) (System.nanoTime() % 7000));

    private TestCitizens() {
    }

    /** @return a new active woman with full contact details and the given password hash */
    public static Citizen fresh(String passwordHash) {
        String nik = "317101" + "650290" + "%04d".formatted(SERIAL.getAndIncrement() % 9999 + 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Citizen(UUID.randomUUID(), Nik.parse(nik), "Ayu Kartika Sari", LocalDate.of(1990, 2, 25),
                Sex.FEMALE, jakartaAddress(), "ayu@example.id", true, "+6281200000000", false, passwordHash,
                CitizenStatus.ACTIVE, now, now, verification(now));
    }

    /** @return a registry verification as enrollment would record it at {@code now} */
    public static RegistryVerification verification(Instant now) {
        return new RegistryVerification("3171011503150001", 1, now);
    }

    public static Address jakartaAddress() {
        return new Address("Jl. Kebon Sirih No. 12", "003", "002", "Kebon Kelapa", "Gambir", "Kota Jakarta Pusat",
                "DKI Jakarta", "10120");
    }

    /** @return Siti as the demo data holds her, without a password */
    public static Citizen siti() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Citizen(UUID.randomUUID(), Nik.parse("3171016502900001"), "Siti Rahayu", LocalDate.of(1990, 2, 25),
                Sex.FEMALE, jakartaAddress(), "siti.rahayu@example.id", true, "+6281234567801", true, null,
                CitizenStatus.ACTIVE, now, now, verification(now));
    }

    public static Citizen withName(Citizen c, String name) {
        return new Citizen(c.id(), c.nik(), name, c.birthDate(), c.sex(), c.address(), c.email(), c.emailVerified(),
                c.phoneNumber(), c.phoneNumberVerified(), c.passwordHash(), c.status(), c.createdAt(), c.updatedAt(), c.verification());
    }

    public static Citizen withoutContacts(Citizen c) {
        return new Citizen(c.id(), c.nik(), c.fullName(), c.birthDate(), c.sex(), Address.unknown(), null, false,
                null, false, c.passwordHash(), c.status(), c.createdAt(), c.updatedAt(), c.verification());
    }
}
