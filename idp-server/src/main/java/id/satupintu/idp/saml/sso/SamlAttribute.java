package id.satupintu.idp.saml.sso;

import java.util.List;
import java.util.Objects;

/**
 * One attribute of an assertion (SAML Core §2.7.3.1), before it becomes XML: {@code Name} is a
 * URI ({@code NameFormat} uri, SAML Profiles §8.2.3), {@code FriendlyName} the short name SPs map.
 */
record SamlAttribute(String name, String friendlyName, List<String> values) {

    static final String URI_NAME_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";

    SamlAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(friendlyName, "friendlyName");
        values = List.copyOf(values);
    }
}
