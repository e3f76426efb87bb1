package id.satupintu.idp.saml.slo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;

import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/**
 * Does a LogoutRequest name this browser's session (SAML Core §3.7.3.2)? The issuing SP must be a
 * participant, the NameID must be the one it was given (value, and {@code Format},
 * {@code NameQualifier} and {@code SPNameQualifier} when the request states them), and each {@code SessionIndex} it lists must
 * be the one of its assertion; a request without {@code SessionIndex} means every session of that
 * principal at the SP (Core §3.7.1), which this one is.
 */
final class ParticipantMatch {

    private ParticipantMatch() {
    }

    /** @return the participant named, or empty when the request names another principal or session */
    static Optional<SamlParticipant> find(List<SamlParticipant> participants, String entityId, NameID nameId,
                                          LogoutRequest request) {
        return participants.stream()
                .filter(p -> p.entityId().equals(entityId))
                .filter(p -> p.nameId().equals(nameId.getValue()))
                .filter(p -> nameId.getFormat() == null || nameId.getFormat().equals(p.nameIdFormat()))
                .filter(p -> nameId.getNameQualifier() == null
                        || Objects.equals(nameId.getNameQualifier(), p.nameQualifier()))
                .filter(p -> nameId.getSPNameQualifier() == null
                        || Objects.equals(nameId.getSPNameQualifier(), p.spNameQualifier()))
                .filter(p -> sessionIndexMatches(request.getSessionIndexes(), p))
                .findFirst();
    }

    private static boolean sessionIndexMatches(List<SessionIndex> indexes, SamlParticipant participant) {
        return indexes.isEmpty()
                || indexes.stream().allMatch(i -> participant.sessionIndex().equals(i.getSessionIndex()));
    }
}
