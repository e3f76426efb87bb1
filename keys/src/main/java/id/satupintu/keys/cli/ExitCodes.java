package id.satupintu.keys.cli;

/** What the command line's exit status means. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /**
     * The command as typed cannot work: unknown or missing option, unsupported algorithm or size,
     * malformed distinguished name, missing setting for the chosen back end.
     */
    public static final int USAGE = 1;
    /**
     * The key store refused or failed: wrong password, missing HSM slot, unknown kid, a key in the
     * wrong state, a certificate chain that does not fit, an unreachable database.
     */
    public static final int KEY_STORE_FAILURE = 2;

    private ExitCodes() {
    }
}
