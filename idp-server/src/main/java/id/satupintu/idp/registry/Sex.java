package id.satupintu.idp.registry;

/** Sex as recorded by the population registry and encoded in the NIK (day of birth + 40 for women). */
public enum Sex {
    FEMALE,
    MALE;

    /** @return the OIDC Core §5.1 {@code gender} value */
    public String oidcGender() {
        return this == FEMALE ? "female" : "male";
    }
}
