package id.satupintu.idp.registry.synthetic;

/** A province with its two-digit Kemendagri code, e.g. {@code 32 Jawa Barat}. */
public record Province(String code, String name) {
}
