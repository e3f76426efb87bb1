package id.satupintu.idp.citizen.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.registry.InvalidNikException;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/** What a successful sign-in puts in the SSO session, and the provider's refusals, on real stores. */
class CitizenPasswordAuthenticationProviderTest extends CitizenWebTestSupport {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private LoginThrottle throttle;
    @Autowired
    private AuditLog audit;

    private CitizenPasswordAuthenticationProvider provider() {
        return new CitizenPasswordAuthenticationProvider(citizens, hasher, throttle, audit,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Authentication attempt(String nik, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(nik, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }

    @Test
    void authenticateWhenRightPasswordThenCitizenAtLoa2WithPasswordAmrAndNoNik() {
        Citizen citizen = TestCitizens.fresh(hasher.hash("rahasia"));
        citizens.save(citizen);

        Authentication result = provider().authenticate(attempt(citizen.nik().value(), "rahasia", "10.30.0.1"));

        assertThat(result).isInstanceOf(CitizenAuthenticationToken.class);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getName()).isEqualTo(citizen.id().toString());
        assertThat(result.getPrincipal()).isEqualTo(new AuthenticatedCitizen(citizen.id(), NOW,
                "urn:satupintu:loa:2", List.of("pwd")));
        assertThat(result.toString()).doesNotContain(citizen.nik().value()).doesNotContain("rahasia");
    }

    @Test
    void authenticateWhenNikHasSurroundingSpacesThenAccepted() {
        Citizen citizen = TestCitizens.fresh(hasher.hash("rahasia"));
        citizens.save(citizen);

        Authentication result = provider().authenticate(attempt(" " + citizen.nik().value() + " ", "rahasia",
                "10.30.0.2"));

        assertThat(result.getName()).isEqualTo(citizen.id().toString());
    }

    @Test
    void authenticateWhenNikMissingThenMalformedWithLengthReason() {
        assertThatThrownBy(() -> provider().authenticate(attempt(null, "rahasia", "10.30.0.3")))
                .isInstanceOfSatisfying(MalformedNikException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidNikException.Reason.LENGTH));
    }

    @Test
    void authenticateWhenAccountHasNoPasswordThenBadCredentials() {
        Citizen citizen = TestCitizens.fresh(null);
        citizens.save(citizen);

        assertThatThrownBy(() -> provider().authenticate(attempt(citizen.nik().value(), "", "10.30.0.4")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void supportsWhenUsernamePasswordThenTrueElseFalse() {
        assertThat(provider().supports(UsernamePasswordAuthenticationToken.class)).isTrue();
        assertThat(provider().supports(CitizenAuthenticationToken.class)).isFalse();
    }
}
