package id.satupintu.idp.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.Sex;

/** The demo citizens README.md and the conformance tests rely on, seeded on real PostgreSQL. */
class DemoCitizensTest extends CitizenWebTestSupport {

    @Autowired
    private CitizenStore citizens;
    @Autowired
    private DemoCitizens demo;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private CitizenClaimsSource claims;

    @Test
    void seedWhenAlreadySeededAtStartupThenCreatesNothing() {
        assertThat(demo.seed()).isZero();
    }

    @Test
    void startupWhenDemoDataOnThenSitiSeededWithDocumentedDetails() {
        Citizen siti = citizens.findByNik(Nik.parse("3171016502900001")).orElseThrow();

        assertThat(siti.id()).isEqualTo(UUID.fromString("5a7c1f0e-3171-4000-8000-000000000001"));
        assertThat(siti.fullName()).isEqualTo("SITI RAHAYU");
        assertThat(siti.sex()).isEqualTo(Sex.FEMALE);
        assertThat(siti.birthDate()).isEqualTo(LocalDate.of(1990, 2, 25));
        assertThat(siti.address().regency()).isEqualTo("Kota Jakarta Pusat");
        assertThat(siti.address().district()).isEqualTo("Gambir");
        assertThat(siti.email()).isEqualTo("siti.rahayu@example.id");
        assertThat(siti.emailVerified()).isTrue();
        assertThat(siti.phoneNumber()).isEqualTo("+6281234567801");
        assertThat(siti.phoneNumberVerified()).isTrue();
        assertThat(siti.isActive()).isTrue();
        assertThat(siti.verification().familyCardNumber()).isEqualTo("3171011503150001");
        assertThat(siti.verification().registryVersion()).isEqualTo(1);
        assertThat(hasher.matches("demo-warga-satu-pintu", siti.passwordHash())).isTrue();
    }

    @Test
    void startupWhenDemoDataOnThenBudiSeededWithUnverifiedPhone() {
        Citizen budi = citizens.findByNik(Nik.parse("3273011708850002")).orElseThrow();

        assertThat(budi.fullName()).isEqualTo("BUDI SANTOSO");
        assertThat(budi.sex()).isEqualTo(Sex.MALE);
        assertThat(budi.birthDate()).isEqualTo(LocalDate.of(1985, 8, 17));
        assertThat(budi.address().regency()).isEqualTo("Kota Bandung");
        assertThat(budi.address().district()).isEqualTo("Sukasari");
        assertThat(budi.email()).isEqualTo("budi.santoso@example.id");
        assertThat(budi.emailVerified()).isTrue();
        assertThat(budi.phoneNumber()).isEqualTo("+6281234567802");
        assertThat(budi.phoneNumberVerified()).isFalse();
        assertThat(hasher.matches("demo-warga-satu-pintu", budi.passwordHash())).isTrue();
    }

    @Test
    void startupWhenDemoDataOnThenDewiSeededWithoutEmail() {
        Citizen dewi = citizens.findByNik(Nik.parse("3578015003950003")).orElseThrow();

        assertThat(dewi.fullName()).isEqualTo("DEWI LESTARI");
        assertThat(dewi.sex()).isEqualTo(Sex.FEMALE);
        assertThat(dewi.birthDate()).isEqualTo(LocalDate.of(1995, 3, 10));
        assertThat(dewi.address().regency()).isEqualTo("Kota Surabaya");
        assertThat(dewi.email()).isNull();
        assertThat(hasher.matches("demo-warga-satu-pintu", dewi.passwordHash())).isTrue();
    }

    @Test
    void seedWhenDemoCitizensShareOnePasswordThenHashedOnce() {
        List<String> hashes = Stream.of("3171016502900001", "3273011708850002", "3578015003950003")
                .map(nik -> citizens.findByNik(Nik.parse(nik)).orElseThrow().passwordHash())
                .toList();

        // one Argon2 run at startup: the same salt, hence the same hash string, for all three
        assertThat(hashes).hasSize(3).containsOnly(hashes.get(0));
    }

    @Test
    void claimsForWhenSitiGrantedProfileAndEmailThenHerClaims() {
        Map<String, Object> siti = claims.claimsFor(UUID.fromString("5a7c1f0e-3171-4000-8000-000000000001"),
                Set.of("openid", "profile", "email")).orElseThrow();

        assertThat(siti).containsEntry("name", "Siti Rahayu").containsEntry("gender", "female")
                .containsEntry("email", "siti.rahayu@example.id").doesNotContainKey("phone_number");
    }

    @Test
    void claimsForWhenAccountDisabledThenNoClaimsAndInactive() {
        Citizen citizen = TestCitizens.fresh(null);
        citizens.save(citizen.withStatus(CitizenStatus.DISABLED, citizen.updatedAt()));

        assertThat(claims.claimsFor(citizen.id(), Set.of("profile"))).isEmpty();
        assertThat(claims.claimsFor(citizen.id(), Set.of("openid"))).as("inactive, whatever the scopes").isEmpty();
    }

    @Test
    void claimsForWhenUnknownAccountThenNoClaimsAndInactive() {
        UUID nobody = UUID.randomUUID();

        assertThat(claims.claimsFor(nobody, Set.of("profile"))).isEmpty();
        assertThat(claims.claimsFor(nobody, Set.of("openid"))).as("inactive, whatever the scopes").isEmpty();
    }

    @Test
    void claimsForWhenActiveAccountAndOpenidOnlyThenPresentButEmpty() {
        assertThat(claims.claimsFor(UUID.fromString("5a7c1f0e-3171-4000-8000-000000000001"), Set.of("openid")))
                .hasValueSatisfying(released -> assertThat(released).isEmpty());
    }
}
