package id.satupintu.keys.cli;

import java.nio.file.Path;

import id.satupintu.keys.store.database.DatabaseKeyBackend;
import id.satupintu.keys.store.database.KeyEncryptionKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The key-encryption key of the database back end. */
@Command(name = "kek", mixinStandardHelpOptions = true, description = "The database back end's key-encryption key.",
        subcommands = KekCommand.Rewrap.class)
final class KekCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Re-wraps every database-held key's data-encryption key under a new KEK, in one transaction.
     * The current KEK (--kek-file/--kek-env) and any --previous-kek-file must open the keys.
     */
    @Command(name = "rewrap", mixinStandardHelpOptions = true, description = {"Re-wrap every database-held key under a new KEK (one transaction).",
            "Then restart the servers with the new KEK; keep the old one until they all run with it."})
    static final class Rewrap extends Subcommand {

        @Option(names = "--new-kek-file", required = true, paramLabel = "FILE",
                description = "the new KEK (chmod 600, one line <id>:<base64>)")
        Path newKekFile;

        @Override
        void run() {
            KeyEncryptionKey newKek = KeyEncryptionKey.fromFile(newKekFile);
            DatabaseKeyBackend backend = session().databaseBackend();
            int count = backend.rewrap(newKek);
            out().println("re-wrapped " + count + " key(s) under KEK '" + newKek.id() + "'");
        }
    }
}
