package id.satupintu.keys.cli;

import java.security.PublicKey;
import java.util.function.Supplier;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.PrivateKeyHandle;

/**
 * A back end opened only when a command first needs a private key, so that commands that only
 * read or change metadata ({@code list}, {@code jwks}, {@code retire}) need no KEK, password or PIN,
 * and a missing setting is reported by the command that needs it.
 */
final class LazyBackend implements KeyBackend {

    private final String id;
    private final Supplier<KeyBackend> opener;
    private KeyBackend opened;

    LazyBackend(String id, Supplier<KeyBackend> opener) {
        this.id = id;
        this.opener = opener;
    }

    @Override
    public String id() {
        return id;
    }

    synchronized KeyBackend open() {
        if (opened == null) {
            opened = opener.get();
        }
        return opened;
    }

    @Override
    public PublicKey generate(String kid, KeySpec spec) {
        return open().generate(kid, spec);
    }

    @Override
    public PrivateKeyHandle privateKey(String kid) {
        return open().privateKey(kid);
    }

    @Override
    public void destroy(String kid) {
        open().destroy(kid);
    }
}
