package id.satupintu.keys.cli;

import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Stops a key from signing; it stays published until the server destroys it after the retired lifetime. */
@Command(name = "retire", mixinStandardHelpOptions = true, description = "Stop a key from signing; it stays published for verification.")
final class RetireCommand extends Subcommand {

    @Parameters(paramLabel = "KID")
    String kid;

    @Override
    void run() {
        session().require(kid);
        ManagedKey key = session().manager().retire(kid);
        out().println("retired " + KeyDescriptions.describe(key));
    }
}
