package id.satupintu.idp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** What every {@link SsoSessions} does; one subclass per implementation. */
abstract class SsoSessionsContract {

    /** @return the sessions under test, as the node that ends sessions sees them */
    abstract SsoSessions sessions();

    /** @return the id of a new session in which {@code citizen} signed in */
    abstract String signedInSession(AuthenticatedCitizen citizen);

    /** @return the id of a new session nobody signed in to */
    abstract String anonymousSession();

    abstract boolean isLive(String sessionId);

    static AuthenticatedCitizen citizen() {
        return new AuthenticatedCitizen(UUID.randomUUID(), Instant.now(), LevelOfAssurance.LOA2.uri(), List.of("pwd"));
    }

    static SecurityContext securityContextOf(AuthenticatedCitizen citizen) {
        return new SecurityContextImpl(new CitizenAuthenticationToken(citizen));
    }

    /** The principal name grants are recorded under, which is the one sessions are found by. */
    static String principalName(AuthenticatedCitizen citizen) {
        return new CitizenAuthenticationToken(citizen).getName();
    }

    @Test
    void endAllForWhenCitizenHasTwoSessionsThenBothEndedAndCounted() {
        AuthenticatedCitizen citizen = citizen();
        String phone = signedInSession(citizen);
        String laptop = signedInSession(citizen);

        int ended = sessions().endAllFor(principalName(citizen));

        assertThat(ended).isEqualTo(2);
        assertThat(isLive(phone)).isFalse();
        assertThat(isLive(laptop)).isFalse();
    }

    @Test
    void endAllForWhenOtherCitizensSignedInThenTheirSessionsKept() {
        AuthenticatedCitizen deceased = citizen();
        AuthenticatedCitizen neighbour = citizen();
        signedInSession(deceased);
        String neighbours = signedInSession(neighbour);
        String anonymous = anonymousSession();

        sessions().endAllFor(principalName(deceased));

        assertThat(isLive(neighbours)).isTrue();
        assertThat(isLive(anonymous)).isTrue();
    }

    @Test
    void endAllForWhenRunAgainThenNothingLeftToEnd() {
        AuthenticatedCitizen citizen = citizen();
        signedInSession(citizen);
        sessions().endAllFor(principalName(citizen));

        assertThat(sessions().endAllFor(principalName(citizen))).isZero();
    }

    @Test
    void endAllForWhenCitizenNeverSignedInThenZero() {
        assertThat(sessions().endAllFor(UUID.randomUUID().toString())).isZero();
    }
}
