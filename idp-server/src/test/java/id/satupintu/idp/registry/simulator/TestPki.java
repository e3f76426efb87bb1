package id.satupintu.idp.registry.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import id.satupintu.idp.registry.http.MutualTls;

/**
 * A throw-away PKI for mutual TLS between SatuPintu and the registry simulator, generated at test
 * time into a temporary directory (private keys are never committed): a registry CA that signs the
 * simulator's server certificate (localhost, 127.0.0.1) and SatuPintu's client certificate, and an
 * unrelated "rogue" CA with its own server and client certificates for the rejection tests. Every
 * store is PKCS#12 with password {@link #PASSWORD}.
 */
public record TestPki(Path dir, Path caTrustStore, Path serverKeyStore, Path clientKeyStore,
                      Path rogueCaTrustStore, Path rogueServerKeyStore, Path rogueClientKeyStore) {

    public static final String PASSWORD = "test-only-store-password";

    /** A PKI in a temporary directory that is deleted when the JVM exits. */
    public static TestPki generate() {
        try {
            Path dir = Files.createTempDirectory("satupintu-registry-pki-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            return generate(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestPki generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Issued ca = selfSignedCa("CN=SatuPintu Test Registry CA");
            Issued rogue = selfSignedCa("CN=Rogue Test CA");
            TestPki pki = new TestPki(dir, dir.resolve("registry-ca-trust.p12"), dir.resolve("registry-server.p12"),
                    dir.resolve("satupintu-client.p12"), dir.resolve("rogue-ca-trust.p12"),
                    dir.resolve("rogue-server.p12"), dir.resolve("rogue-client.p12"));
            trustStore(pki.caTrustStore(), ca.certificate());
            trustStore(pki.rogueCaTrustStore(), rogue.certificate());
            keyStore(pki.serverKeyStore(), issue(ca, "CN=localhost", true), ca);
            keyStore(pki.clientKeyStore(), issue(ca, "CN=satupintu-idp", false), ca);
            keyStore(pki.rogueServerKeyStore(), issue(rogue, "CN=localhost", true), rogue);
            keyStore(pki.rogueClientKeyStore(), issue(rogue, "CN=satupintu-idp", false), rogue);
            return pki;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("test PKI not generated", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // the JVM is exiting; a leftover temporary directory is harmless
        }
    }

    /** The simulator's side: its server certificate, and the registry CA for client certificates. */
    public SSLContext serverTls() {
        return MutualTls.context(serverKeyStore, PASSWORD.toCharArray(), caTrustStore, PASSWORD.toCharArray());
    }

    /** SatuPintu's side: its client certificate, and the registry CA for the server certificate. */
    public SSLContext clientTls() {
        return MutualTls.context(clientKeyStore, PASSWORD.toCharArray(), caTrustStore, PASSWORD.toCharArray());
    }

    private record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private static Issued selfSignedCa(String name) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name(name);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), notBefore(),
                notAfter(), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new Issued(keys, sign(builder, keys));
    }

    private static Issued issue(Issued ca, String name, boolean server) throws GeneralSecurityException,
            OperatorCreationException, IOException {
        KeyPair keys = ecKeys();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                notBefore(), notAfter(), new X500Name(name), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
        if (server) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        }
        return new Issued(keys, sign(builder, ca.keys()));
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static void keyStore(Path file, Issued entity, Issued ca) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", entity.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {entity.certificate(), ca.certificate()});
        save(store, file);
    }

    private static void trustStore(Path file, X509Certificate ca) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        save(store, file);
    }

    private static void save(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static Date notBefore() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date notAfter() {
        return Date.from(Instant.now().plus(Duration.ofDays(2)));
    }
}
