package id.satupintu.keys.cli;

/** The options given cannot work together; exit status {@link ExitCodes#USAGE}. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
