package id.satupintu.idp.agency;

import java.util.UUID;

/** Fixtures: agency codes unique per call, so tests sharing one database do not collide. */
public final class TestAgencies {

    private TestAgencies() {
    }

    public static String uniqueCode() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return the code of a freshly stored agency */
    public static String stored(AgencyStore agencies) {
        String code = uniqueCode();
        agencies.create(code, "Agency " + code);
        return code;
    }
}
