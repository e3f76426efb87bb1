package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Subjects are pairwise per agency (OIDC Core §8.1): the agency is the sector. */
@DisplayName("pairwise subject per agency")
class PairwiseSubjectTest extends ConformanceTest {

    @Test
    @DisplayName("two clients of one agency see the same sub for the same citizen")
    void subWhenSameAgencyThenSame() {
        TestClient first = registerClient(ClientSpec.confidential().agency(ClientSpec.AGENCY_KEPENDUDUKAN));
        TestClient second = registerClient(ClientSpec.confidential().agency(ClientSpec.AGENCY_KEPENDUDUKAN));
        Browser browser = newBrowser();
        assertThat(signIn(browser, second, request(second)).sub()).isEqualTo(signIn(browser, first, request(first)).sub());
    }

    @Test
    @DisplayName("clients of two agencies see different subs for the same citizen, neither being the NIK")
    void subWhenDifferentAgenciesThenDifferentAndNotNik() {
        TestClient kependudukan = registerClient(ClientSpec.confidential().agency(ClientSpec.AGENCY_KEPENDUDUKAN));
        TestClient pajak = registerClient(ClientSpec.confidential().agency(ClientSpec.AGENCY_PAJAK));
        Browser browser = newBrowser();
        String one = signIn(browser, kependudukan, request(kependudukan)).sub();
        String other = signIn(browser, pajak, request(pajak)).sub();
        assertThat(one).isNotEqualTo(other);
        assertThat(one).doesNotContain(Citizen.SITI.nik());
        assertThat(other).doesNotContain(Citizen.SITI.nik());
    }

    @Test
    @DisplayName("two citizens get different subs at the same client")
    void subWhenDifferentCitizensThenDifferent() {
        TestClient client = registerClient();
        String siti = signIn(client).sub();
        String budi = harness.codeFlow().run(newBrowser(), client, request(client), Citizen.BUDI).sub();
        assertThat(siti).isNotEqualTo(budi);
    }

    @Test
    @DisplayName("the demo portal's ID token sub equals UserInfo's sub")
    void subWhenDemoPortalThenIdTokenAndUserInfoAgree() {
        var flow = signIn(TestClient.DEMO_PORTAL);
        assertThat(userInfo(flow.accessToken()).get("sub")).isEqualTo(flow.sub());
    }
}
