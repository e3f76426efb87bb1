package id.satupintu.idp.citizen.enrollment;

/** The enrollment pages' paths. */
public final class EnrollmentPaths {

    public static final String START = "/enrol";
    public static final String PASSWORD = "/enrol/password";
    public static final String CONTACT = "/enrol/contact";
    public static final String DONE = "/enrol/done";
    public static final String CONTINUE = "/enrol/continue";

    /**
     * What a visitor without an account may open; the contact, done and continue pages need the session
     * that the password step signs in.
     */
    public static final String[] PUBLIC_PATHS = {START, PASSWORD};

    private EnrollmentPaths() {
    }
}
