package id.satupintu.keys.cli;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * On-demand rotation: a successor published as NEXT (the server activates it after the publish
 * lead time), or, with --immediately after a suspected compromise, signing at once.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true, description = {"Rotate: publish a successor as NEXT; the server activates it after the lead time.",
        "--immediately (suspected compromise) makes it sign now and retires the current key."})
final class RotateCommand extends Subcommand {

    @Option(names = "--purpose", required = true, description = "${COMPLETION-CANDIDATES}")
    KeyPurpose purpose;

    @Option(names = "--alg", required = true, converter = AlgorithmConverter.class,
            description = "RS256, PS256, ES256, EdDSA or RSA-OAEP-256")
    KeyAlgorithm algorithm;

    @Option(names = "--size", description = "key size in bits (default the algorithm's)")
    Integer size;

    @Option(names = "--immediately", description = "activate the new key now")
    boolean immediately;

    @Override
    void run() {
        ManagedKey key = session().manager().rotate(purpose, KeySpecs.of(algorithm, size), immediately);
        out().println("rotated: " + KeyDescriptions.describe(key));
    }
}
