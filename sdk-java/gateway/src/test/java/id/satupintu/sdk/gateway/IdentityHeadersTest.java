package id.satupintu.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.Citizen;
import id.satupintu.sdk.Claims;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

class IdentityHeadersTest {

    private static final Citizen SITI = new Citizen("pairwise-siti", Set.of("urn:satupintu:loa:2", "pemohon"),
            Claims.of(Map.of("sub", "pairwise-siti", "name", "Siti Rahayu", "acr", "urn:satupintu:loa:2")));

    @Test
    void isIdentityHeaderWhenAnyCaseOrUnderscoreVariantThenTrue() {
        assertThat(List.of("X-SatuPintu-Subject", "x-satupintu-subject", "X-SATUPINTU-ROLES", "X_SatuPintu_Subject",
                "x_satupintu_claims", "X-SatuPintu-Anything", " X-SatuPintu-Subject"))
                .allMatch(IdentityHeaders::isIdentityHeader);
    }

    @Test
    void isIdentityHeaderWhenOtherHeaderThenFalse() {
        assertThat(List.of("X-Forwarded-For", "Authorization", "X-SatuPintu", "SatuPintu-Subject", "X-Satu-Pintu-Subject"))
                .noneMatch(IdentityHeaders::isIdentityHeader);
    }

    @Test
    void applyWhenForgedCopiesAndSignedInThenOnlyGatewayValuesRemain() {
        HttpFields.Mutable headers = HttpFields.build()
                .add("X-SatuPintu-Subject", "attacker")
                .add("x-satupintu-subject", "attacker-2")
                .add("X_SatuPintu_Subject", "attacker-3")
                .add("X-SATUPINTU-ROLES", "admin")
                .add("X-SatuPintu-Other", "attacker-4")
                .add("Accept", "text/html");

        IdentityHeaders.apply(headers, SITI);

        assertThat(values(headers, "X-SatuPintu-Subject")).containsExactly("pairwise-siti");
        assertThat(values(headers, "X-SatuPintu-Roles")).containsExactly("pemohon,urn:satupintu:loa:2");
        assertThat(values(headers, "X-SatuPintu-Name")).containsExactly("pairwise-siti");
        assertThat(values(headers, "X-SatuPintu-Acr")).containsExactly("urn:satupintu:loa:2");
        assertThat(headers.stream().map(HttpField::getName)).doesNotContain("X_SatuPintu_Subject", "X-SatuPintu-Other");
        assertThat(headers.stream().map(HttpField::getValue)).noneMatch(value -> value.contains("attacker"));
        assertThat(headers.get("Accept")).isEqualTo("text/html");
    }

    @Test
    void applyWhenForgedCopiesAndAnonymousThenNoIdentityHeaderLeft() {
        HttpFields.Mutable headers = HttpFields.build().add("X-SatuPintu-Subject", "attacker").add("x_satupintu_acr", "3");

        IdentityHeaders.apply(headers, null);

        assertThat(headers.stream().map(HttpField::getName)).noneMatch(IdentityHeaders::isIdentityHeader);
    }

    @Test
    void applyWhenSignedInThenClaimsHeaderIsBase64UrlOfClaimsJson() {
        HttpFields.Mutable headers = HttpFields.build();

        IdentityHeaders.apply(headers, SITI);

        String json = new String(Base64.getUrlDecoder().decode(headers.get("X-SatuPintu-Claims")), StandardCharsets.UTF_8);
        assertThat(Claims.parse(json)).isEqualTo(SITI.claims());
        assertThat(headers.get("X-SatuPintu-Claims")).doesNotContain("=", "+", "/");
    }

    @Test
    void headerSafeWhenLineBreakOrNonAsciiThenPercentEncoded() {
        assertThat(IdentityHeaders.headerSafe("a\r\nX-SatuPintu-Subject: b")).isEqualTo("a%0D%0AX-SatuPintu-Subject: b");
        assertThat(IdentityHeaders.headerSafe("Dédé 100%")).isEqualTo("D%C3%A9d%C3%A9 100%25");
        assertThat(IdentityHeaders.headerSafe("plain-ascii_1")).isEqualTo("plain-ascii_1");
    }

    private static List<String> values(HttpFields headers, String name) {
        return headers.getValuesList(name);
    }
}
