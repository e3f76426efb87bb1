package id.satupintu.idp.registry.synthetic;

/** A village (kelurahan in cities, desa in regencies) with its ten-digit code and postal code. */
public record Village(String code, String name, String postalCode) {
}
