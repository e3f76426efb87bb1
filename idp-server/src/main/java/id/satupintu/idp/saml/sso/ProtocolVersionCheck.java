package id.satupintu.idp.saml.sso;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnRequest;

/** SAML Core §3.2.1: {@code Version} must be "2.0"; a SAML 1.x or future message is not read further. */
final class ProtocolVersionCheck {

    static final String VERSION = "saml.sso.version";

    void check(AuthnRequest request, String spEntityId) {
        SAMLVersion version = request.getVersion();
        if (version == null || !SAMLVersion.VERSION_20.equals(version)) {
            throw SsoRefusal.badRequest(VERSION, "version_" + (version == null ? "missing" : version), spEntityId);
        }
    }
}
