package id.satupintu.keys.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.cert.CertificateImport;
import id.satupintu.keys.cert.Certificates;
import id.satupintu.keys.cert.Pem;
import id.satupintu.keys.cert.SubjectNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** X.509 certificates of managed keys (RFC 5280), as SAML metadata publishes them. */
@Command(name = "cert", mixinStandardHelpOptions = true, description = "X.509 certificates of keys: export, self-sign, import a CA's answer.",
        subcommands = {CertCommand.Export.class, CertCommand.SelfSign.class, CertCommand.Import.class})
final class CertCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints (or writes) the key's certificate chain as PEM, leaf first. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print a key's certificate chain as PEM, leaf first.")
    static final class Export extends Subcommand {

        @Parameters(paramLabel = "KID")
        String kid;

        @Option(names = "--out", paramLabel = "FILE", description = "write to this file instead of standard output")
        Path file;

        @Override
        void run() {
            ManagedKey key = session().require(kid);
            if (key.certificateChain().isEmpty()) {
                throw new KeyStoreFailure("key " + kid + " has no certificate yet; make one with 'cert self-sign " + kid
                        + " --subject ...' or 'csr " + kid + " --subject ...' and 'cert import'");
            }
            PemOutput.write(Pem.certificates(key.certificateChain()), file, out(), "the certificate chain of " + kid);
        }
    }

    /** Makes and stores a self-signed certificate for the key, signed by the key itself (in its HSM if there). */
    @Command(name = "self-sign", mixinStandardHelpOptions = true, description = "Make and store a self-signed certificate for a key.")
    static final class SelfSign extends Subcommand {

        @Parameters(paramLabel = "KID")
        String kid;

        @Option(names = "--subject", required = true, description = "distinguished name, e.g. CN=SatuPintu SAML,O=Example,C=ID")
        String subject;

        @Option(names = "--days", defaultValue = "365", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days;

        @Override
        void run() {
            if (days <= 0) {
                throw new UsageException("--days must be positive");
            }
            ManagedKey key = session().require(kid);
            X509Certificate certificate = Certificates.selfSigned(key, session().manager().privateKey(key),
                    SubjectNames.parse(subject), Duration.ofDays(days), session().clock());
            session().store().setCertificateChain(kid, List.of(certificate));
            out().println("stored a self-signed certificate for " + kid + ": " + certificate.getSubjectX500Principal()
                    + ", serial " + certificate.getSerialNumber().toString(16) + ", valid until "
                    + certificate.getNotAfter().toInstant());
        }
    }

    /** Checks a certificate authority's answer (PEM chain, leaf first) and stores it with the key. */
    @Command(name = "import", mixinStandardHelpOptions = true, description = "Check and store a CA's certificate chain (PEM, leaf first) for a key.")
    static final class Import extends Subcommand {

        @Parameters(index = "0", paramLabel = "KID")
        String kid;

        @Parameters(index = "1", paramLabel = "CHAIN.PEM")
        Path chainFile;

        @Override
        void run() {
            ManagedKey key = session().require(kid);
            List<X509Certificate> chain = Pem.readCertificates(read(chainFile));
            CertificateImport.verifyChain(key, chain, session().clock());
            session().store().setCertificateChain(kid, chain);
            out().println("imported " + chain.size() + " certificate(s) for " + kid + ": "
                    + chain.get(0).getSubjectX500Principal() + " issued by " + chain.get(0).getIssuerX500Principal()
                    + ", valid until " + chain.get(0).getNotAfter().toInstant());
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII);
            } catch (NoSuchFileException e) {
                throw new UsageException("file " + file + " does not exist");
            } catch (IOException e) {
                throw new KeyStoreFailure("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
