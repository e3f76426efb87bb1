package id.satupintu.keys.cli;

import id.satupintu.keys.KeyManager;
import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Generates a key in the back end for new keys; published as NEXT, or signing at once with --activate. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a key (published as NEXT; --activate makes it sign now).")
final class GenerateCommand extends Subcommand {

    @Mixin
    KeyChoice choice;

    @Option(names = "--activate", description = "make it the key that signs now, retiring the one it replaces")
    boolean activate;

    @Override
    void run() {
        KeyManager manager = session().manager();
        ManagedKey key = manager.generate(choice.purpose, choice.spec());
        if (activate) {
            key = manager.activate(key.kid());
        }
        out().println("generated " + KeyDescriptions.describe(key));
    }
}
