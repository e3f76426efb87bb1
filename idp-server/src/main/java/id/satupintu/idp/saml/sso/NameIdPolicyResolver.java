package id.satupintu.idp.saml.sso;

import java.util.List;

import id.satupintu.idp.saml.sp.ServiceProvider;

/**
 * Which NameID format an assertion carries (SAML Core §3.4.1.1 {@code NameIDPolicy}, §8.3):
 * <ul>
 * <li>{@code persistent} (§8.3.7): the agency's pairwise identifier, what its OIDC apps get as {@code sub};</li>
 * <li>{@code transient} (§8.3.8): random per response;</li>
 * <li>{@code unspecified} (§8.3.1): the persistent value;</li>
 * <li>no {@code Format}: the first of these the SP's metadata lists ({@code NameIDFormat}), else persistent.</li>
 * </ul>
 * Any other format, or an {@code SPNameQualifier} other than the SP itself (no affiliations here),
 * is answered with {@code InvalidNameIDPolicy}.
 */
final class NameIdPolicyResolver {

    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    static final List<String> SUPPORTED = List.of(PERSISTENT, TRANSIENT, UNSPECIFIED);

    /** @throws SamlStatusFailure.Raised with {@code InvalidNameIDPolicy} */
    String formatFor(ValidatedAuthnRequest request, ServiceProvider sp) {
        String qualifier = request.nameIdPolicySpNameQualifier();
        if (qualifier != null && !qualifier.equals(sp.entityId())) {
            throw new SamlStatusFailure.Raised(SamlStatusFailure.invalidNameIdPolicy("sp_name_qualifier_not_the_sp"));
        }
        String requested = request.nameIdPolicyFormat();
        if (requested == null || requested.isBlank()) {
            return sp.nameIdFormats().stream().filter(SUPPORTED::contains).findFirst().orElse(PERSISTENT);
        }
        if (!SUPPORTED.contains(requested.strip())) {
            throw new SamlStatusFailure.Raised(SamlStatusFailure.invalidNameIdPolicy("unsupported_format"));
        }
        return requested.strip();
    }
}
