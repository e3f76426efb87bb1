package id.satupintu.idp.citizen;

import java.io.Serializable;

/**
 * A residential address as the population registry records it: street, RT/RW (neighbourhood and
 * community unit), village (kelurahan/desa), district (kecamatan), regency or city, province.
 * Any part may be null when the registry does not hold it.
 */
public record Address(String street, String rt, String rw, String village, String district, String regency,
                      String province, String postalCode) implements Serializable {

    /** @return an address with nothing known */
    public static Address unknown() {
        return new Address(null, null, null, null, null, null, null, null);
    }
}
