package id.satupintu.idp.registry;

/** Marital status as recorded by the registry (belum kawin, kawin, cerai hidup, cerai mati). */
public enum MaritalStatus {
    SINGLE,
    MARRIED,
    DIVORCED,
    WIDOWED
}
