package id.satupintu.idp.session;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpSession;

/**
 * The relying parties that took part in one single-sign-on session, so ending the session can log
 * the citizen out of each of them (SAML Profiles §4.4 Single Logout; OpenID Connect Back-Channel
 * Logout 1.0 §2.7). Kept as an attribute of the session itself, so it lives wherever the session
 * lives (Redis in production) and ends with it.
 *
 * <p>Every change is written back with {@code setAttribute}: a session repository only saves an
 * attribute that was set, not one mutated in place.
 */
public final class SsoParticipants implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = SsoParticipants.class.getName();

    private final List<SamlParticipant> saml;
    private final List<OidcParticipant> oidc;

    private SsoParticipants(List<SamlParticipant> saml, List<OidcParticipant> oidc) {
        this.saml = List.copyOf(saml);
        this.oidc = List.copyOf(oidc);
    }

    /** @return who took part in this session so far; none when nothing was recorded */
    public static SsoParticipants of(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof SsoParticipants participants ? participants : new SsoParticipants(List.of(), List.of());
    }

    /** Records that a SAML SP received an assertion in this session (replacing its earlier entry). */
    public static void samlJoined(HttpSession session, SamlParticipant participant) {
        SsoParticipants current = of(session);
        List<SamlParticipant> saml = new ArrayList<>(current.saml);
        saml.removeIf(p -> p.entityId().equals(participant.entityId()));
        saml.add(participant);
        session.setAttribute(ATTRIBUTE, new SsoParticipants(saml, current.oidc));
    }

    /** Records that an OIDC client was issued an authorization code in this session. */
    public static void oidcJoined(HttpSession session, OidcParticipant participant) {
        SsoParticipants current = of(session);
        if (current.oidc.contains(participant)) {
            return;
        }
        List<OidcParticipant> oidc = new ArrayList<>(current.oidc);
        oidc.add(participant);
        session.setAttribute(ATTRIBUTE, new SsoParticipants(current.saml, oidc));
    }

    public List<SamlParticipant> saml() {
        return saml;
    }

    public List<OidcParticipant> oidc() {
        return oidc;
    }

    /**
     * A SAML SP in the session: what its LogoutRequest must name (SAML Core §3.7.1).
     *
     * @param entityId the SP's entity ID
     * @param nameId the NameID value the SP was given
     * @param nameIdFormat that NameID's {@code Format}
     * @param nameQualifier the NameID's {@code NameQualifier} (this IdP's entity ID for persistent NameIDs), or null
     * @param spNameQualifier the NameID's {@code SPNameQualifier}, or null
     * @param sessionIndex the {@code SessionIndex} of the assertion's AuthnStatement
     */
    public record SamlParticipant(String entityId, String nameId, String nameIdFormat, String nameQualifier,
                                  String spNameQualifier, String sessionIndex) implements Serializable {

        public SamlParticipant {
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(nameId, "nameId");
            Objects.requireNonNull(nameIdFormat, "nameIdFormat");
            Objects.requireNonNull(sessionIndex, "sessionIndex");
        }
    }

    /**
     * An OIDC client in the session.
     *
     * @param clientId the client's {@code client_id}
     * @param subject the (pairwise) {@code sub} the client was given
     * @param sid the {@code sid} in the client's ID tokens
     */
    public record OidcParticipant(String clientId, String subject, String sid) implements Serializable {

        public OidcParticipant {
            Objects.requireNonNull(clientId, "clientId");
        }
    }
}
