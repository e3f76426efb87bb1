package id.satupintu.idp.saml.sso;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one table from the citizen's OpenID Connect claims ({@link id.satupintu.idp.citizen.StandardClaims})
 * to SAML attributes, so both protocols release the same data under the same scopes and consent.
 * Names are the standard URIs (urn:oid, as the SAML V2.0 X.500/LDAP attribute profile and the
 * eduPerson/inetOrgPerson schemas define them) with their usual friendly names:
 *
 * <table>
 * <caption>claim → attribute</caption>
 * <tr><th>claim (scope)</th><th>Name</th><th>FriendlyName</th></tr>
 * <tr><td>name (profile)</td><td>urn:oid:2.16.840.1.113730.3.1.241</td><td>displayName</td></tr>
 * <tr><td>given_name (profile)</td><td>urn:oid:2.5.4.42</td><td>givenName</td></tr>
 * <tr><td>family_name (profile)</td><td>urn:oid:2.5.4.4</td><td>sn</td></tr>
 * <tr><td>birthdate (profile)</td><td>urn:oid:1.3.6.1.5.5.7.9.1</td><td>dateOfBirth</td></tr>
 * <tr><td>gender (profile)</td><td>urn:oid:1.3.6.1.5.5.7.9.3</td><td>gender</td></tr>
 * <tr><td>email (email)</td><td>urn:oid:0.9.2342.19200300.100.1.3</td><td>mail</td></tr>
 * <tr><td>phone_number (phone)</td><td>urn:oid:2.5.4.20</td><td>telephoneNumber</td></tr>
 * <tr><td>address.formatted (address)</td><td>urn:oid:2.5.4.16</td><td>postalAddress</td></tr>
 * <tr><td>address.locality (address)</td><td>urn:oid:2.5.4.7</td><td>l</td></tr>
 * <tr><td>address.region (address)</td><td>urn:oid:2.5.4.8</td><td>st</td></tr>
 * <tr><td>address.postal_code (address)</td><td>urn:oid:2.5.4.17</td><td>postalCode</td></tr>
 * <tr><td>nik (nik)</td><td>urn:satupintu:attribute:nik</td><td>nik</td></tr>
 * <tr><td>family_card_number (nik)</td><td>urn:satupintu:attribute:familyCardNumber</td><td>familyCardNumber</td></tr>
 * </table>
 *
 * The NIK and the family card number have no standard attribute; they are named under
 * {@value #SATUPINTU_PREFIX}, which this IdP documents as its own namespace. Claims without a row
 * (verification flags, {@code locale}) are not released over SAML.
 */
final class AttributeMapping {

    static final String SATUPINTU_PREFIX = "urn:satupintu:attribute:";

    private record Row(String claim, String name, String friendlyName, Function<Object, Object> value) {
    }

    private static final List<Row> TABLE = List.of(
            row("name", "urn:oid:2.16.840.1.113730.3.1.241", "displayName"),
            row("given_name", "urn:oid:2.5.4.42", "givenName"),
            row("family_name", "urn:oid:2.5.4.4", "sn"),
            row("birthdate", "urn:oid:1.3.6.1.5.5.7.9.1", "dateOfBirth"),
            row("gender", "urn:oid:1.3.6.1.5.5.7.9.3", "gender"),
            row("email", "urn:oid:0.9.2342.19200300.100.1.3", "mail"),
            row("phone_number", "urn:oid:2.5.4.20", "telephoneNumber"),
            addressRow("formatted", "urn:oid:2.5.4.16", "postalAddress"),
            addressRow("locality", "urn:oid:2.5.4.7", "l"),
            addressRow("region", "urn:oid:2.5.4.8", "st"),
            addressRow("postal_code", "urn:oid:2.5.4.17", "postalCode"),
            row("nik", SATUPINTU_PREFIX + "nik", "nik"),
            row("family_card_number", SATUPINTU_PREFIX + "familyCardNumber", "familyCardNumber"));

    /** The table, claim path to attribute name, for documentation and tests. */
    static final Map<String, String> NAMES = names();

    private AttributeMapping() {
    }

    private static Row row(String claim, String name, String friendlyName) {
        return new Row(claim, name, friendlyName, Function.identity());
    }

    private static Row addressRow(String member, String name, String friendlyName) {
        return new Row("address", name, friendlyName, address -> address instanceof Map<?, ?> map ? map.get(member) : null);
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        TABLE.forEach(row -> names.put(row.friendlyName(), row.name()));
        return Collections.unmodifiableMap(names);
    }

    /**
     * @param claims the claims already filtered to the released scopes ({@link id.satupintu.idp.citizen.CitizenClaims#forScopes})
     * @return their attributes, in the table's order; claims without a value are left out
     */
    static List<SamlAttribute> attributesOf(Map<String, Object> claims) {
        List<SamlAttribute> attributes = new ArrayList<>();
        for (Row row : TABLE) {
            Object claim = claims.get(row.claim());
            Object value = claim == null ? null : row.value().apply(claim);
            if (value != null && !Objects.toString(value).isBlank()) {
                attributes.add(new SamlAttribute(row.name(), row.friendlyName(), List.of(Objects.toString(value))));
            }
        }
        return attributes;
    }
}
