package id.satupintu.idp.citizen;

import java.io.Serializable;

import id.satupintu.idp.registry.RegistryAddress;

/**
 * A residential address as the population registry records it: street, RT/RW (neighbourhood and
 * community unit), village (kelurahan/desa), district (kecamatan), regency or city, province.
 * Any part may be null when the registry does not hold it.
 */
public record Address(String street, String rt, String rw, String village, String district, String regency,
                      String province, String postalCode) implements Serializable {

    /** @return the parts of a registry address that claims use: names, not region codes */
    public static Address from(RegistryAddress a) {
        return new Address(a.street(), a.rt(), a.rw(), a.villageName(), a.districtName(), a.regencyName(),
                a.provinceName(), a.postalCode());
    }

    /** @return an address with nothing known */
    public static Address unknown() {
        return new Address(null, null, null, null, null, null, null, null);
    }
}
