package id.satupintu.keys.cli;

import java.nio.file.Path;

import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.cert.Csrs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A PKCS#10 request (RFC 2986) signed by the key, to hand to a certificate authority. */
@Command(name = "csr", mixinStandardHelpOptions = true, description = "Print a PKCS#10 certificate signing request (PEM) for a key, for a CA.")
final class CsrCommand extends Subcommand {

    @Parameters(paramLabel = "KID")
    String kid;

    @Option(names = "--subject", required = true, description = "distinguished name, e.g. CN=SatuPintu SAML,O=Example,C=ID")
    String subject;

    @Option(names = "--out", paramLabel = "FILE", description = "write to this file instead of standard output")
    Path file;

    @Override
    void run() {
        ManagedKey key = session().require(kid);
        String pem = Csrs.createPem(key, session().manager().privateKey(key), subject);
        PemOutput.write(pem, file, out(), "the certification request for " + kid);
    }
}
