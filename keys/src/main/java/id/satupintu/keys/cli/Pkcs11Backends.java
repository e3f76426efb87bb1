package id.satupintu.keys.cli;

import java.nio.file.Files;
import java.util.List;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyStoreFailure;

/** Opens the PKCS#11 (HSM) back end from the command line's options. */
final class Pkcs11Backends {

    private Pkcs11Backends() {
    }

    static KeyBackend open(KeysCommandLine options, Secrets secrets, List<char[]> toErase) {
        if (!Files.isRegularFile(options.pkcs11Library)) {
            throw new KeyStoreFailure("PKCS#11 library " + options.pkcs11Library + " does not exist");
        }
        if (options.pkcs11Slot == null && options.pkcs11TokenLabel == null) {
            throw new UsageException("the pkcs11 back end needs --pkcs11-slot ID or --pkcs11-token-label LABEL");
        }
        char[] pin = secrets.requireEnvironment(options.pkcs11PinVariable, "PKCS#11 user PIN");
        toErase.add(pin);
        throw new KeyStoreFailure("the PKCS#11 back end is not in this build yet");
    }
}
