package id.satupintu.idp.registry.synthetic;

/**
 * How a person's name is built. Indonesia has no single naming system: many Javanese carry one
 * name, Batak carry their clan (marga), Balinese names start with the birth order, Chinese- and
 * Arab-Indonesian families keep a family name. The generator follows the tradition of the household.
 */
enum NamingTradition {
    JAVANESE,
    SUNDANESE,
    MALAY,
    MINANG,
    BUGIS,
    BATAK,
    BALINESE,
    CHINESE,
    ARABIC,
    /** Christian naming of North Sulawesi, Maluku, Nusa Tenggara Timur and Papua, with a family name. */
    EASTERN,
    /** Foreign residents (WNA) registered in Indonesia. */
    FOREIGN;

    /** @return whether children inherit a family name (or marga) from the head of the household */
    boolean hasFamilyName() {
        return this == BATAK || this == CHINESE || this == ARABIC || this == EASTERN || this == FOREIGN;
    }
}
