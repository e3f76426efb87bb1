package id.satupintu.idp.registry;

/** Religion as recorded on the identity card (KTP); the registry's own codes are in {@link #registryName()}. */
public enum Religion {
    ISLAM("ISLAM"),
    PROTESTANT("KRISTEN"),
    CATHOLIC("KATOLIK"),
    HINDU("HINDU"),
    BUDDHIST("BUDDHA"),
    CONFUCIAN("KHONGHUCU"),
    INDIGENOUS_BELIEF("KEPERCAYAAN TERHADAP TUHAN YME");

    private final String registryName;

    Religion(String registryName) {
        this.registryName = registryName;
    }

    /** @return the value as printed on the identity card */
    public String registryName() {
        return registryName;
    }
}
