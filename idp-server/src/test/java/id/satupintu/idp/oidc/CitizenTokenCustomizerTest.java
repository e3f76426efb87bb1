package id.satupintu.idp.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenTokenCustomizerTest {

    @Test
    void accessTokenHashWhenOidcCoreExampleThenMatchesItsAtHash() {
        // OIDC Core Appendix A.4: this access token has at_hash 77QmUPtjPfzWtF2AnpK9RQ
        assertThat(CitizenTokenCustomizer.accessTokenHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"))
                .isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void accessTokenHashWhenTokensDifferThenHashesDiffer() {
        assertThat(CitizenTokenCustomizer.accessTokenHash("token-a"))
                .isNotEqualTo(CitizenTokenCustomizer.accessTokenHash("token-b"))
                .hasSize(22);
    }
}
