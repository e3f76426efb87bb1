package id.satupintu.keys.cli;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;

import picocli.CommandLine.Option;

/** Which ring and what kind of key: the options shared by the commands that make a key. */
final class KeyChoice {

    @Option(names = "--purpose", required = true, description = "${COMPLETION-CANDIDATES}")
    KeyPurpose purpose;

    @Option(names = "--alg", required = true, converter = AlgorithmConverter.class,
            description = "RS256, PS256, ES256, EdDSA or RSA-OAEP-256")
    KeyAlgorithm algorithm;

    @Option(names = "--size", description = "key size in bits (RSA: 2048 or 3072; default the algorithm's)")
    Integer size;

    KeySpec spec() {
        return KeySpecs.of(algorithm, size);
    }
}
