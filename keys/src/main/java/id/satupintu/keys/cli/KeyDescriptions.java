package id.satupintu.keys.cli;

import id.satupintu.keys.ManagedKey;

/** One line about a key, for what a command did. Public information only. */
final class KeyDescriptions {

    private KeyDescriptions() {
    }

    static String describe(ManagedKey key) {
        return key.kid() + " (" + key.purpose() + ", " + key.spec().algorithm().joseName() + " " + key.spec().size()
                + ", " + key.state() + ", back end " + key.backend() + ")";
    }
}
