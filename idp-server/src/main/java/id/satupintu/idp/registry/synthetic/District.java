package id.satupintu.idp.registry.synthetic;

import java.util.List;

/**
 * A district (kecamatan) with its six-digit code, the first six digits of the NIKs and family card
 * numbers issued there, and its villages.
 */
public record District(String code, String name, String postalCode, Regency regency, List<Village> villages) {

    public District {
        villages = List.copyOf(villages);
    }
}
