package id.satupintu.keys.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.UnsupportedKeyException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code satupintu-keys}: the operator's command line for managed keys. Global options (before the
 * subcommand) say where the key ring is (the server's database) and how to open the back ends that
 * hold private keys; each subcommand does one life-cycle step.
 *
 * <p>Run in-process with {@link #execute}; {@link #main} exits with its status (see {@link ExitCodes}).
 */
@Command(name = "satupintu-keys", mixinStandardHelpOptions = true, version = "satupintu-keys 0.1.0",
        description = "Manage SatuPintu's signing and encryption keys in the server's database.",
        subcommands = {GenerateCommand.class, ListCommand.class, RotateCommand.class, RetireCommand.class,
                DestroyCommand.class, JwksCommand.class, CertCommand.class, CsrCommand.class, KekCommand.class},
        footer = {"", "Secrets are never arguments (they would show in ps and shell history): the database password "
                + "comes from SATUPINTU_KEYS_DB_PASSWORD, --db-password-file or --db-password (asked), the KEK from "
                + "--kek-file or --kek-env, the PKCS#12 password and the HSM PIN from the environment variables "
                + "named by their -env options.",
                "", "Exit status: 0 done, 1 usage error, 2 key store failure."})
public final class KeysCommandLine implements Runnable {

    static final String DB_URL_VARIABLE = "SATUPINTU_KEYS_DB_URL";
    static final String DB_USER_VARIABLE = "SATUPINTU_KEYS_DB_USER";
    static final String DB_PASSWORD_VARIABLE = "SATUPINTU_KEYS_DB_PASSWORD";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db-url", paramLabel = "JDBC-URL",
            description = "JDBC URL of the server's database (default: $" + DB_URL_VARIABLE + ")")
    String dbUrl;

    @Option(names = "--db-user", description = "database user (default: $" + DB_USER_VARIABLE + ")")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "file whose first line is the database password (default: $" + DB_PASSWORD_VARIABLE + ")")
    Path dbPasswordFile;

    @Option(names = "--db-password", interactive = true, arity = "0",
            description = "ask for the database password on the terminal (it is never taken as an argument)")
    char[] dbPassword;

    @Option(names = "--kek-file", paramLabel = "FILE",
            description = "key-encryption key of the database back end: a file (chmod 600) with one line <id>:<base64>")
    Path kekFile;

    @Option(names = "--kek-env", paramLabel = "VARIABLE",
            description = "name of an environment variable holding the KEK as <id>:<base64>")
    String kekVariable;

    @Option(names = "--previous-kek-file", paramLabel = "FILE",
            description = "an older KEK still wrapping some keys (during a KEK rotation); repeatable")
    List<Path> previousKekFiles = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "database",
            description = "where new keys are generated: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    BackendKind backend;

    @Option(names = "--pkcs12-file", paramLabel = "FILE", description = "PKCS#12 file of the pkcs12 back end")
    Path pkcs12File;

    @Option(names = "--pkcs12-password-env", paramLabel = "VARIABLE", defaultValue = "SATUPINTU_KEYS_PKCS12_PASSWORD",
            description = "environment variable holding the PKCS#12 password (default: ${DEFAULT-VALUE})")
    String pkcs12PasswordVariable;

    @Option(names = "--pkcs11-library", paramLabel = "FILE",
            description = "the HSM's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so")
    Path pkcs11Library;

    @Option(names = "--pkcs11-slot", paramLabel = "ID", description = "PKCS#11 slot id")
    Long pkcs11Slot;

    @Option(names = "--pkcs11-token-label", paramLabel = "LABEL", description = "PKCS#11 token label (instead of a slot)")
    String pkcs11TokenLabel;

    @Option(names = "--pkcs11-pin-env", paramLabel = "VARIABLE", defaultValue = "SATUPINTU_KEYS_PKCS11_PIN",
            description = "environment variable holding the token's user PIN (default: ${DEFAULT-VALUE})")
    String pkcs11PinVariable;

    private final Map<String, String> environment;
    private KeysSession session;

    public KeysCommandLine() {
        this(System.getenv());
    }

    /** @param environment where environment variables are read from (tests pass their own) */
    public KeysCommandLine(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(execute(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command in-process and returns its exit status. */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        KeysCommandLine root = new KeysCommandLine(environment);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // a file may be called like a subcommand: --kek-file kek
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("satupintu-keys: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("satupintu-keys: " + message(e) + hint(e));
            return exitCode(e);
        });
        try {
            return commandLine.execute(args);
        } finally {
            root.close();
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return the session this invocation works in, opened on first use */
    KeysSession session() {
        if (session == null) {
            session = new KeysSession(this, new Secrets(environment));
        }
        return session;
    }

    private void close() {
        if (session != null) {
            session.close();
        }
    }

    /**
     * Usage errors: {@link UsageException}, {@link UnsupportedKeyException} (checked before anything is
     * stored) and {@link IllegalArgumentException} (a malformed distinguished name, ...). Everything
     * else, {@link KeyStoreFailure} and the {@link IllegalStateException} of a key in the wrong state
     * included, is a key-store failure.
     */
    static int exitCode(Exception e) {
        if (e instanceof UsageException || e instanceof UnsupportedKeyException || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.KEY_STORE_FAILURE;
    }

    /**
     * Undefined-table SQL states (PostgreSQL 42P01, H2 42S02/42S04): the database has not been
     * migrated. The command line leaves the schema to the server's Flyway migrations, so that
     * Flyway's history stays true.
     */
    private static final Pattern MISSING_TABLE = Pattern.compile("\\b(42P01|42S02|42S04)\\b");

    static String hint(Throwable e) {
        if (e.getMessage() != null && MISSING_TABLE.matcher(e.getMessage()).find()) {
            return " (the key tables are missing: start the server once against this database; its migration V7 creates them)";
        }
        return "";
    }

    /** One line: the failure's message, and its root cause's when that adds something. */
    static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + ": " + root.getMessage();
        }
        return message.replace('\n', ' ');
    }

    /** Where new keys are generated. */
    enum BackendKind {
        database, pkcs12, pkcs11
    }
}
