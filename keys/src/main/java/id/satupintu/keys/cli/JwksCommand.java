package id.satupintu.keys.cli;

import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRing;
import id.satupintu.keys.cert.Jwks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The public JWK set (RFC 7517 §5) of the published keys of a purpose, as the server serves it. */
@Command(name = "jwks", mixinStandardHelpOptions = true, description = "Print the public JWK set (JSON) of the published keys of a purpose.")
final class JwksCommand extends Subcommand {

    @Option(names = "--purpose", defaultValue = "OIDC_SIGNING", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    KeyPurpose purpose;

    @Override
    void run() {
        KeyRing ring = new KeyRing(session().store().all(), 0);
        out().println(Jwks.publicJwkSet(ring.published(purpose)).toString(true));
    }
}
