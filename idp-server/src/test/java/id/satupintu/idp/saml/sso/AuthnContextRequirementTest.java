package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.session.LevelOfAssurance;

class AuthnContextRequirementTest {

    private static final String LOA2 = LevelOfAssurance.LOA2.uri();
    private static final String LOA3 = LevelOfAssurance.LOA3.uri();

    private static AuthnContextRequirement requirement(String comparison, String... refs) {
        return AuthnContextRequirement.of(new ValidatedAuthnRequest(UUID.randomUUID(), "sp", "_r", "https://sp/acs", null,
                null, null, comparison, List.of(refs), false, false, null));
    }

    @Test
    void satisfiedByWhenNothingRequestedThenEveryLevel() {
        AuthnContextRequirement none = requirement(null);

        assertThat(none.satisfiedByAcr(LOA2)).isTrue();
        assertThat(none.satisfiedByAcr(LOA3)).isTrue();
    }

    @Test
    void satisfiedByWhenExactThenOnlyTheNamedLevel() {
        assertThat(requirement("exact", LOA3).satisfiedByAcr(LOA2)).isFalse();
        assertThat(requirement("exact", LOA3).satisfiedByAcr(LOA3)).isTrue();
        assertThat(requirement(null, LOA2).satisfiedByAcr(LOA3)).isFalse();
    }

    @Test
    void satisfiedByWhenMinimumThenThatLevelOrStronger() {
        assertThat(requirement("minimum", LOA2).satisfiedByAcr(LOA3)).isTrue();
        assertThat(requirement("minimum", LOA3).satisfiedByAcr(LOA2)).isFalse();
    }

    @Test
    void satisfiedByWhenBetterThenOnlyStrictlyStronger() {
        assertThat(requirement("better", LOA2).satisfiedByAcr(LOA3)).isTrue();
        assertThat(requirement("better", LOA2).satisfiedByAcr(LOA2)).isFalse();
        assertThat(requirement("better", LOA3).satisfiable()).isFalse();
    }

    @Test
    void satisfiedByWhenMaximumThenNotStronger() {
        assertThat(requirement("maximum", LOA2).satisfiedByAcr(LOA2)).isTrue();
        assertThat(requirement("maximum", LOA2).satisfiedByAcr(LOA3)).isFalse();
    }

    @Test
    void satisfiableWhenOnlyUnknownClassRefsThenNot() {
        AuthnContextRequirement unknown = requirement("exact",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");

        assertThat(unknown.satisfiable()).isFalse();
        assertThat(unknown.satisfiedByAcr(LOA3)).isFalse();
    }

    @Test
    void satisfiedByAcrWhenSessionAcrUnknownThenNotForAnyRequest() {
        assertThat(requirement("minimum", LOA2).satisfiedByAcr("urn:other")).isFalse();
    }
}
