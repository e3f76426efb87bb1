package id.satupintu.idp.registry;

import java.io.Serializable;

/**
 * A residential address as the population registry records it, with the Kemendagri region codes
 * that the NIK and the family card number are built from: province (2 digits), regency or city
 * (4, including the province), district/kecamatan (6) and village/kelurahan or desa (10).
 * RT/RW are the neighbourhood and community unit numbers, three digits each.
 */
public record RegistryAddress(String street, String rt, String rw,
                              String villageCode, String villageName,
                              String districtCode, String districtName,
                              String regencyCode, String regencyName,
                              String provinceCode, String provinceName,
                              String postalCode) implements Serializable {
}
