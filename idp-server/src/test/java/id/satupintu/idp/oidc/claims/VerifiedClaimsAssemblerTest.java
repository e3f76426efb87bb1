package id.satupintu.idp.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.TestCitizens;
import org.junit.jupiter.api.Test;

/** The OIDC4IDA {@code verified_claims} element: structure, consent and request constraints. */
class VerifiedClaimsAssemblerTest {

    private static final Instant VERIFIED_AT = Instant.parse("2026-03-01T08:15:30.123Z");

    private static CitizenClaims siti() {
        Citizen siti = TestCitizens.siti();
        return CitizenClaims.of(new Citizen(siti.id(), siti.nik(), siti.fullName(), siti.birthDate(), siti.sex(),
                siti.address(), siti.email(), siti.emailVerified(), siti.phoneNumber(), siti.phoneNumberVerified(),
                null, siti.status(), siti.createdAt(), siti.updatedAt(), TestCitizens.verification(VERIFIED_AT)));
    }

    private static VerifiedClaimsRequest request(String json) {
        return ClaimsRequest.parse(json).userinfo().verifiedClaims().get(0);
    }

    private static Optional<Map<String, Object>> assemble(String json, Set<String> scopes) {
        return VerifiedClaimsAssembler.assemble(request(json), siti(), scopes, VERIFIED_AT.plusSeconds(3600));
    }

    @Test
    @SuppressWarnings("unchecked")
    void assembleWhenRequestedAndProfileConsentedThenVerificationEvidenceAndClaims() {
        Map<String, Object> verified = assemble(TestClaimsRequests.VERIFIED_IN_USERINFO,
                Set.of("openid", "profile", "address")).orElseThrow();

        Map<String, Object> verification = (Map<String, Object>) verified.get("verification");
        assertThat(verification).containsEntry("trust_framework", "id_dukcapil")
                .containsEntry("time", "2026-03-01T08:15:30Z");
        assertThat(verification.get("evidence")).isEqualTo(List.of(Map.of(
                "type", "electronic_record",
                "record", Map.of("type", "population_register", "source", Map.of(
                        "name", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil", "country_code", "IDN")))));
        Map<String, Object> claims = (Map<String, Object>) verified.get("claims");
        assertThat(claims).containsEntry("given_name", "Siti").containsEntry("family_name", "Rahayu")
                .containsEntry("birthdate", "1990-02-25").containsKey("address")
                .as("nik not consented").doesNotContainKey("nik");
    }

    @Test
    @SuppressWarnings("unchecked")
    void assembleWhenNikConsentedThenNikInsideVerifiedClaims() {
        Map<String, Object> verified = assemble(TestClaimsRequests.VERIFIED_IN_USERINFO,
                Set.of("profile", "nik")).orElseThrow();

        assertThat((Map<String, Object>) verified.get("claims")).containsEntry("nik", "3171016502900001")
                .as("address not consented").doesNotContainKey("address");
    }

    @Test
    void assembleWhenProfileNotConsentedThenOmitted() {
        assertThat(assemble(TestClaimsRequests.VERIFIED_IN_USERINFO, Set.of("openid", "address", "nik"))).isEmpty();
    }

    @Test
    void assembleWhenOtherTrustFrameworkRequiredThenOmitted() {
        assertThat(assemble(TestClaimsRequests.VERIFIED_OTHER_FRAMEWORK, Set.of("profile"))).isEmpty();
    }

    @Test
    void assembleWhenOtherEvidenceTypeRequiredThenOmitted() {
        String documentOnly = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"evidence\":"
                + "[{\"type\":{\"value\":\"document\"}}]},\"claims\":{\"given_name\":null}}}}";

        assertThat(assemble(documentOnly, Set.of("profile"))).isEmpty();
    }

    @Test
    void assembleWhenOnlyUnverifiableClaimsRequestedThenOmittedRatherThanEmpty() {
        String emailOnly = "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"email\":null,\"locale\":null}}}}";

        assertThat(assemble(emailOnly, Set.of("profile", "email"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void assembleWhenOnlyTrustFrameworkRequestedThenNoTimeOrEvidence() {
        String frameworkOnly = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},"
                + "\"claims\":{\"birthdate\":null}}}}";

        Map<String, Object> verification = (Map<String, Object>) assemble(frameworkOnly, Set.of("profile"))
                .orElseThrow().get("verification");

        assertThat(verification).containsOnlyKeys("trust_framework");
    }

    @Test
    @SuppressWarnings("unchecked")
    void assembleWhenNoVerificationElementThenAllVerificationData() {
        String claimsOnly = "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"birthdate\":null}}}}";

        Map<String, Object> verification = (Map<String, Object>) assemble(claimsOnly, Set.of("profile"))
                .orElseThrow().get("verification");

        assertThat(verification).containsOnlyKeys("trust_framework", "time", "evidence");
    }

    @Test
    void assembleWhenVerifiedWithinMaxAgeThenReleased() {
        String withinAnHourAndAHalf = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"time\":"
                + "{\"max_age\":5400}},\"claims\":{\"birthdate\":null}}}}";

        assertThat(assemble(withinAnHourAndAHalf, Set.of("profile"))).isPresent();
    }

    @Test
    void assembleWhenVerificationOlderThanMaxAgeThenOmitted() {
        String withinHalfAnHour = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"time\":"
                + "{\"max_age\":1800}},\"claims\":{\"birthdate\":null}}}}";

        assertThat(assemble(withinHalfAnHour, Set.of("profile"))).isEmpty();
    }
}
