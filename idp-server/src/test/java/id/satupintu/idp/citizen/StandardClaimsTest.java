package id.satupintu.idp.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StandardClaimsTest {

    @Test
    void claimsWhenOnlyOpenidThenNone() {
        assertThat(StandardClaims.of(TestCitizens.siti(), Set.of("openid"))).isEmpty();
    }

    @Test
    void claimsWhenProfileThenNameBirthdateGenderLocale() {
        Map<String, Object> claims = StandardClaims.of(TestCitizens.siti(), Set.of("openid", "profile"));

        assertThat(claims).containsOnly(
                Map.entry("name", "Siti Rahayu"),
                Map.entry("given_name", "Siti"),
                Map.entry("family_name", "Rahayu"),
                Map.entry("birthdate", "1990-02-25"),
                Map.entry("gender", "female"),
                Map.entry("locale", "id-ID"));
    }

    @Test
    void claimsWhenSingleNameThenGivenNameOnlyAndNoFamilyName() {
        Map<String, Object> claims = StandardClaims.of(TestCitizens.withName(TestCitizens.siti(), "Sukarno"),
                Set.of("profile"));

        assertThat(claims).containsEntry("name", "Sukarno").containsEntry("given_name", "Sukarno")
                .doesNotContainKey("family_name");
    }

    @Test
    void claimsWhenThreeNamesThenLastIsFamilyName() {
        Map<String, Object> claims = StandardClaims.of(
                TestCitizens.withName(TestCitizens.siti(), " Ayu  Kartika Sari "), Set.of("profile"));

        assertThat(claims).containsEntry("name", "Ayu Kartika Sari").containsEntry("given_name", "Ayu Kartika")
                .containsEntry("family_name", "Sari");
    }

    @Test
    void claimsWhenEmailScopeThenEmailAndVerified() {
        assertThat(StandardClaims.of(TestCitizens.siti(), Set.of("email"))).containsOnly(
                Map.entry("email", "siti.rahayu@example.id"), Map.entry("email_verified", true));
    }

    @Test
    void claimsWhenPhoneScopeThenE164AndVerified() {
        assertThat(StandardClaims.of(TestCitizens.siti(), Set.of("phone"))).containsOnly(
                Map.entry("phone_number", "+6281234567801"), Map.entry("phone_number_verified", true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimsWhenAddressScopeThenStructuredAndFormatted() {
        Map<String, Object> claims = StandardClaims.of(TestCitizens.siti(), Set.of("address"));

        assertThat(claims).containsOnlyKeys("address");
        assertThat((Map<String, Object>) claims.get("address")).containsOnly(
                Map.entry("formatted", "Jl. Kebon Sirih No. 12\nRT 003/RW 002\nKebon Kelapa, Gambir\n"
                        + "Kota Jakarta Pusat\nDKI Jakarta 10120\nIndonesia"),
                Map.entry("street_address", "Jl. Kebon Sirih No. 12\nRT 003/RW 002\nKebon Kelapa, Gambir"),
                Map.entry("locality", "Kota Jakarta Pusat"),
                Map.entry("region", "DKI Jakarta"),
                Map.entry("postal_code", "10120"),
                Map.entry("country", "ID"));
    }

    @Test
    void claimsWhenContactsUnknownThenEmailPhoneAddressLeftOut() {
        Map<String, Object> claims = StandardClaims.of(TestCitizens.withoutContacts(TestCitizens.siti()),
                Set.of("email", "phone", "address"));

        assertThat(claims).isEmpty();
    }

    @Test
    void displayNameWhenRegistryCapitalsThenEachWordCapitalisedNotAfterApostrophe() {
        assertThat(StandardClaims.displayName("I GEDE  AGUS SETIAWAN")).isEqualTo("I Gede Agus Setiawan");
        assertThat(StandardClaims.displayName("MA'RUF NUR-AINI")).isEqualTo("Ma'ruf Nur-Aini");
    }

    @Test
    void claimsWhenNikScopeThenNikAndFamilyCardNumberOnly() {
        assertThat(StandardClaims.of(TestCitizens.siti(), Set.of("nik"))).containsOnly(
                Map.entry("nik", "3171016502900001"), Map.entry("family_card_number", "3171011503150001"));
    }

    @Test
    void claimsWhenOtherScopesThenNeverNik() {
        assertThat(StandardClaims.of(TestCitizens.siti(), Set.of("openid", "profile", "email", "phone", "address")))
                .doesNotContainKeys("nik", "family_card_number");
    }

    @Test
    void scopeCoveringWhenStandardClaimThenItsScope() {
        assertThat(StandardClaims.scopeCovering("email_verified")).contains("email");
        assertThat(StandardClaims.scopeCovering("family_card_number")).contains("nik");
        assertThat(StandardClaims.scopeCovering("acr")).isEmpty();
    }
}
