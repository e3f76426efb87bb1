package id.satupintu.idp.oidc.claims;

import java.util.List;
import java.util.Map;

/**
 * How SatuPintu describes its identity verification in OpenID Connect for Identity Assurance 1.0
 * terms (OpenID Identity Assurance Schema Definition 1.0, {@code verification} and the
 * {@code electronic_record} evidence):
 * <ul>
 * <li>trust framework {@value #TRUST_FRAMEWORK}: identities verified against Indonesia's population
 *     register (Dukcapil, Law 24/2013 on Population Administration). It is a custom value, as IDA
 *     allows, named like the registered ones (ISO 3166-1 alpha-2 prefix + framework);</li>
 * <li>evidence: one {@code electronic_record} of type {@value #RECORD_TYPE} whose source is the
 *     Directorate General of Population and Civil Registration, country {@code IDN} (ISO 3166-1
 *     alpha-3, as the schema's {@code country_code} requires).</li>
 * </ul>
 */
public final class RegistryTrustFramework {

    public static final String TRUST_FRAMEWORK = "id_dukcapil";
    public static final String EVIDENCE_TYPE = "electronic_record";
    public static final String RECORD_TYPE = "population_register";
    public static final String SOURCE_NAME = "Direktorat Jenderal Kependudukan dan Pencatatan Sipil";
    public static final String SOURCE_COUNTRY_CODE = "IDN";

    /**
     * Claims the registry vouches for and that may therefore appear inside {@code verified_claims};
     * contact details ({@code email}, {@code phone_number}) and {@code locale} are not verified by it.
     */
    public static final List<String> VERIFIABLE_CLAIMS = List.of("name", "given_name", "family_name", "birthdate",
            "gender", "address", "nik", "family_card_number");

    private RegistryTrustFramework() {
    }

    /** @return the {@code evidence} array: the population-register record the account was verified against */
    static List<Map<String, Object>> evidence() {
        return List.of(Map.of(
                "type", EVIDENCE_TYPE,
                "record", Map.of(
                        "type", RECORD_TYPE,
                        "source", Map.of("name", SOURCE_NAME, "country_code", SOURCE_COUNTRY_CODE))));
    }
}
