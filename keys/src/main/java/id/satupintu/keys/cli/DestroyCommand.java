package id.satupintu.keys.cli;

import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Erases a retired (or never used) key's private key and unpublishes it. Irreversible. */
@Command(name = "destroy", mixinStandardHelpOptions = true, description = "Erase a RETIRED (or never used NEXT) key's private key and unpublish it.")
final class DestroyCommand extends Subcommand {

    @Parameters(paramLabel = "KID")
    String kid;

    @Override
    void run() {
        session().require(kid);
        ManagedKey key = session().manager().destroy(kid);
        out().println("destroyed " + KeyDescriptions.describe(key));
    }
}
