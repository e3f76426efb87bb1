package id.satupintu.keys.cli;

import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * On-demand rotation: a successor published as NEXT (the server activates it after the publish
 * lead time), or, with --immediately after a suspected compromise, signing at once.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true, description = {"Rotate: publish a successor as NEXT; the server activates it after the lead time.",
        "--immediately (suspected compromise) makes it sign now and retires the current key."})
final class RotateCommand extends Subcommand {

    @Mixin
    KeyChoice choice;

    @Option(names = "--immediately", description = "activate the new key now")
    boolean immediately;

    @Override
    void run() {
        ManagedKey key = session().manager().rotate(choice.purpose, choice.spec(), immediately);
        out().println("rotated: " + KeyDescriptions.describe(key));
    }
}
