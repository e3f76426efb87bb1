package id.satupintu.keys.cli;

import java.util.List;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.store.pkcs11.Pkcs11KeyBackend;
import id.satupintu.keys.store.pkcs11.Pkcs11Settings;

/** Opens the PKCS#11 (HSM) back end from the command line's options. */
final class Pkcs11Backends {

    private Pkcs11Backends() {
    }

    /**
     * @throws UsageException when neither or both of slot and token label are given, or the PIN variable is unset
     * @throws id.satupintu.keys.KeyStoreFailure for a missing library, a missing slot or token, or a wrong PIN
     */
    static KeyBackend open(KeysCommandLine options, Secrets secrets, List<char[]> toErase) {
        if ((options.pkcs11Slot == null) == (options.pkcs11TokenLabel == null)) {
            throw new UsageException("the pkcs11 back end needs exactly one of --pkcs11-slot ID and --pkcs11-token-label LABEL");
        }
        char[] pin = secrets.requireEnvironment(options.pkcs11PinVariable, "PKCS#11 user PIN");
        toErase.add(pin);
        Pkcs11Settings settings = options.pkcs11Slot != null
                ? Pkcs11Settings.bySlot(options.pkcs11Library, options.pkcs11Slot, pin)
                : Pkcs11Settings.byTokenLabel(options.pkcs11Library, options.pkcs11TokenLabel, pin);
        return new Pkcs11KeyBackend(settings);
    }
}
