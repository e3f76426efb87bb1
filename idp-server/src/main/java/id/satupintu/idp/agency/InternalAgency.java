package id.satupintu.idp.agency;

/** SatuPintu's own agency: it owns the operator's clients, such as the bootstrap admin client. */
public final class InternalAgency {

    public static final String CODE = "satupintu";

    public static final String NAME = "SatuPintu";

    private InternalAgency() {
    }

    /** Creates the internal agency unless it exists. */
    public static void ensureExists(AgencyStore agencies) {
        agencies.ensureExists(CODE, NAME);
    }
}
