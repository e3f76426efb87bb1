package id.satupintu.keys.cli;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.ManagedKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates a key in the back end for new keys; published as NEXT, or signing at once with --activate. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a key (published as NEXT; --activate makes it sign now).")
final class GenerateCommand extends Subcommand {

    @Option(names = "--purpose", required = true, description = "${COMPLETION-CANDIDATES}")
    KeyPurpose purpose;

    @Option(names = "--alg", required = true, converter = AlgorithmConverter.class,
            description = "RS256, PS256, ES256, EdDSA or RSA-OAEP-256")
    KeyAlgorithm algorithm;

    @Option(names = "--size", description = "key size in bits (RSA: 2048 or 3072; default the algorithm's)")
    Integer size;

    @Option(names = "--activate", description = "make it the key that signs now, retiring the one it replaces")
    boolean activate;

    @Override
    void run() {
        KeyManager manager = session().manager();
        ManagedKey key = manager.generate(purpose, KeySpecs.of(algorithm, size));
        if (activate) {
            key = manager.activate(key.kid());
        }
        out().println("generated " + KeyDescriptions.describe(key));
    }
}
