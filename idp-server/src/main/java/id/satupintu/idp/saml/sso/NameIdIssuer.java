package id.satupintu.idp.saml.sso;

import java.util.UUID;

import id.satupintu.idp.oidc.PairwiseSubjects;
import id.satupintu.idp.saml.sp.ServiceProvider;

/**
 * Gives the subject its {@code NameID} in the format {@link NameIdPolicyResolver} chose (SAML Core
 * §8.3): {@code persistent} and {@code unspecified} carry the agency's pairwise subject,
 * {@link PairwiseSubjects#subjectFor}, the very value the agency's OIDC applications get as
 * {@code sub}; {@code transient} a fresh random value per response. All are qualified by this IdP
 * ({@code NameQualifier}) and the SP ({@code SPNameQualifier}).
 */
final class NameIdIssuer {

    private final PairwiseSubjects pairwiseSubjects;
    private final String idpEntityId;

    NameIdIssuer(PairwiseSubjects pairwiseSubjects, String idpEntityId) {
        this.pairwiseSubjects = pairwiseSubjects;
        this.idpEntityId = idpEntityId;
    }

    SubjectName nameFor(String format, ServiceProvider sp, UUID citizenId) {
        String value = NameIdPolicyResolver.TRANSIENT.equals(format)
                ? SamlIds.newId()
                : pairwiseSubjects.subjectFor(sp.agencyCode(), citizenId);
        return new SubjectName(value, format, idpEntityId, sp.entityId());
    }

    String pairwiseSubject(ServiceProvider sp, UUID citizenId) {
        return pairwiseSubjects.subjectFor(sp.agencyCode(), citizenId);
    }
}
