package id.satupintu.idp.saml.sso;

import java.util.Objects;

/**
 * The {@code NameID} of an assertion's subject (SAML Core §2.2.3), before it becomes XML.
 *
 * @param nameQualifier this IdP's entity ID (§2.2.2)
 * @param spNameQualifier the SP's entity ID (§2.2.2)
 */
record SubjectName(String value, String format, String nameQualifier, String spNameQualifier) {

    SubjectName {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(format, "format");
    }
}
