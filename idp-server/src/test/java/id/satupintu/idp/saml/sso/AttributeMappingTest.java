package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.oidc.PairwiseSubjects;

class AttributeMappingTest {

    private final CitizenClaims claims = CitizenClaims.of(TestCitizens.fresh("hash"));

    private static Map<String, List<String>> byFriendlyName(List<SamlAttribute> attributes) {
        return attributes.stream().collect(java.util.stream.Collectors.toMap(SamlAttribute::friendlyName,
                SamlAttribute::values));
    }

    @Test
    void attributesOfWhenProfileOnlyThenNameDateOfBirthAndGenderUnderOids() {
        List<SamlAttribute> attributes = AttributeMapping.attributesOf(claims.forScopes(Set.of("profile")));

        assertThat(byFriendlyName(attributes)).containsOnlyKeys("displayName", "givenName", "sn", "dateOfBirth", "gender")
                .containsEntry("displayName", List.of("Ayu Kartika Sari"))
                .containsEntry("givenName", List.of("Ayu Kartika"))
                .containsEntry("sn", List.of("Sari"))
                .containsEntry("dateOfBirth", List.of("1990-02-25"))
                .containsEntry("gender", List.of("female"));
        assertThat(attributes).extracting(SamlAttribute::name).contains("urn:oid:2.16.840.1.113730.3.1.241",
                "urn:oid:2.5.4.42", "urn:oid:2.5.4.4", "urn:oid:1.3.6.1.5.5.7.9.1", "urn:oid:1.3.6.1.5.5.7.9.3");
    }

    @Test
    void attributesOfWhenEmailPhoneAddressThenLdapAttributes() {
        Map<String, List<String>> attributes = byFriendlyName(AttributeMapping.attributesOf(
                claims.forScopes(Set.of("email", "phone", "address"))));

        assertThat(attributes).containsOnlyKeys("mail", "telephoneNumber", "postalAddress", "l", "st", "postalCode")
                .containsEntry("mail", List.of("ayu@example.id"))
                .containsEntry("telephoneNumber", List.of("+6281200000000"))
                .containsEntry("l", List.of("Kota Jakarta Pusat"))
                .containsEntry("st", List.of("DKI Jakarta"))
                .containsEntry("postalCode", List.of("10120"));
        assertThat(attributes.get("postalAddress").get(0)).contains("Jl. Kebon Sirih No. 12").endsWith("Indonesia");
    }

    @Test
    void attributesOfWhenNoNikScopeThenNoNik() {
        assertThat(AttributeMapping.attributesOf(claims.forScopes(Set.of("profile", "email", "phone", "address"))))
                .extracting(SamlAttribute::name).noneMatch(name -> name.startsWith(AttributeMapping.SATUPINTU_PREFIX));
    }

    @Test
    void attributesOfWhenNikScopeThenNikAndFamilyCardUnderSatuPintuNames() {
        assertThat(AttributeMapping.attributesOf(claims.forScopes(Set.of("nik"))))
                .extracting(SamlAttribute::name, SamlAttribute::friendlyName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("urn:satupintu:attribute:nik", "nik"),
                        org.assertj.core.groups.Tuple.tuple("urn:satupintu:attribute:familyCardNumber", "familyCardNumber"));
    }

    @Test
    void pairwiseIdWhenBuiltThenSameBitsAsPersistentNameIdInProfileAlphabet() {
        PairwiseSubjects subjects = new PairwiseSubjects(new byte[32]);
        String subject = subjects.subjectFor("kemendagri", UUID.randomUUID());

        SamlAttribute attribute = PairwiseId.of(subject, "kemendagri", "id.satupintu.example");

        String value = attribute.values().get(0);
        assertThat(attribute.name()).isEqualTo("urn:oasis:names:tc:SAML:attribute:pairwise-id");
        // SAML V2.0 Subject Identifier Attributes Profile §3.4 and Shibboleth's check of it
        assertThat(value).matches("^[0-9A-Za-z][-=0-9A-Za-z]{0,126}@[0-9A-Za-z][-.0-9A-Za-z]{0,126}$")
                .endsWith("@kemendagri.id.satupintu.example");
        assertThat(base32Decode(value.substring(0, value.indexOf('@'))))
                .isEqualTo(Base64.getUrlDecoder().decode(subject));
    }

    private static byte[] base32Decode(String value) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : value.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
