package id.satupintu.idp.session;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one table of levels of assurance. The same value travels as {@code acr} in OpenID Connect
 * (OIDC Core §2) and as {@code AuthnContextClassRef} in SAML 2.0 (SAML Core §2.7.2.2), so a
 * relying party sees the same level whichever protocol it speaks.
 */
public enum LevelOfAssurance {

    /** Password over a registry-verified account (NIST SP 800-63B AAL1 with IAL2 identity). */
    LOA2("urn:satupintu:loa:2"),
    /** Password plus a second factor over a registry-verified account (AAL2). */
    LOA3("urn:satupintu:loa:3");

    private final String uri;

    LevelOfAssurance(String uri) {
        this.uri = uri;
    }

    /** @return the URI used as {@code acr} value and SAML {@code AuthnContextClassRef} */
    public String uri() {
        return uri;
    }

    public static Optional<LevelOfAssurance> fromUri(String uri) {
        return Arrays.stream(values()).filter(l -> l.uri.equals(uri)).findFirst();
    }

    public boolean satisfies(LevelOfAssurance required) {
        return compareTo(required) >= 0;
    }
}
