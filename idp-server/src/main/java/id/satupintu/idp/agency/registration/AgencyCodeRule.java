package id.satupintu.idp.agency.registration;

import id.satupintu.idp.agency.Agency;
import id.satupintu.idp.agency.AgencyStore;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/**
 * Every client belongs to an agency, named in the registration by the SatuPintu extension member
 * {@code agency_code} (RFC 7591 §2 allows extensions). The agency is the pairwise sector
 * (OIDC Core §8.1), so it must exist before its apps can register.
 */
final class AgencyCodeRule implements ClientMetadataRule {

    /** Registration metadata member naming the owning agency. */
    static final String AGENCY_CODE = "agency_code";

    private final AgencyStore agencies;

    AgencyCodeRule(AgencyStore agencies) {
        this.agencies = agencies;
    }

    @Override
    public void check(OidcClientRegistration registration) {
        Object code = registration.getClaims().get(AGENCY_CODE);
        if (!(code instanceof String text) || text.isBlank()) {
            throw ClientMetadataRejection.invalidMetadata(AGENCY_CODE, "required");
        }
        if (!Agency.isValidCode(text) || agencies.findByCode(text).isEmpty()) {
            throw ClientMetadataRejection.invalidMetadata(AGENCY_CODE, "unknown agency");
        }
    }

    static String agencyCodeOf(OidcClientRegistration registration) {
        return (String) registration.getClaims().get(AGENCY_CODE);
    }
}
