package id.satupintu.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.cert.Pem;
import id.satupintu.keys.cli.TestCli.Result;
import id.satupintu.keys.store.database.KeyEncryptionKey;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandLineTest {

    @TempDir
    Path directory;

    private TestCli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new TestCli(directory);
    }

    private ManagedKey stored(String kid) {
        KeysCommandLine root = new KeysCommandLine(cli.environment);
        root.dbUrl = cli.dbUrl;
        return root.session().require(kid);
    }

    @Test
    void generateWhenDatabaseBackendThenKeyIsNextAndListed() {
        Result generated = cli.run("generate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(generated.code()).isZero();
        assertThat(generated.out()).startsWith("generated oidc-sig-es256-").contains("NEXT", "back end database");
        Result list = cli.run("list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("KID", "PURPOSE", "ALG/SIZE", "STATE", "BACKEND", "CREATED", "ACTIVATED", "RETIRED", "CERTIFICATE UNTIL")
                .contains("OIDC_SIGNING", "ES256/256", "NEXT", "database");
    }

    @Test
    void generateWhenActivateThenActiveWithActivationDate() {
        String kid = cli.generate("OIDC_SIGNING", "RS256", "--size", "3072", "--activate");

        String line = cli.run("list").out().lines().filter(l -> l.startsWith(kid)).findFirst().orElseThrow();
        assertThat(line).contains("RS256/3072", "ACTIVE");
        assertThat(stored(kid).activatedAt()).isNotNull();
    }

    @Test
    void generateWhenAlgorithmInAnyCaseThenAccepted() {
        assertThat(cli.run("generate", "--purpose", "oidc_signing", "--alg", "eddsa").code()).isZero();
        assertThat(cli.run("generate", "--purpose", "SAML_ENCRYPTION", "--alg", "RSA-OAEP-256").code()).isZero();
    }

    @Test
    void generateWhenUnsupportedAlgorithmThenUsageErrorNamingTheSupportedOnes() {
        Result result = cli.run("generate", "--purpose", "OIDC_SIGNING", "--alg", "HS256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unsupported algorithm HS256", "RS256, PS256, ES256, EdDSA, RSA-OAEP-256");
    }

    @Test
    void generateWhenUnsupportedSizeThenUsageErrorSayingTheSize() {
        Result result = cli.run("generate", "--purpose", "OIDC_SIGNING", "--alg", "EdDSA", "--size", "256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.err()).contains("EdDSA keys are [255] bits, not 256");
    }

    @Test
    void generateWhenAlgorithmDoesNotFitThePurposeThenUsageError() {
        Result result = cli.run("generate", "--purpose", "SAML_ENCRYPTION", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("ES256 keys cannot serve SAML_ENCRYPTION");
    }

    @Test
    void generateWhenNoKekThenUsageErrorNamingTheOptions() {
        Result result = cli.runBare("--db-url", cli.dbUrl, "generate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--kek-file", "--kek-env");
    }

    @Test
    void generateWhenKekFromEnvironmentThenWorks() {
        KeyEncryptionKey.fromFile(cli.kekFile);
        String line = cli.environment.containsKey("X") ? "" : readKekLine();
        cli.environment.put("MY_KEK", line);

        Result result = cli.runBare("--db-url", cli.dbUrl, "--kek-env", "MY_KEK", "generate", "--purpose", "OIDC_SIGNING",
                "--alg", "ES256");

        assertThat(result.code()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(line.substring(line.indexOf(':') + 1));
    }

    private String readKekLine() {
        try {
            return Files.readAllLines(cli.kekFile).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void commandWhenNoDatabaseThenUsageErrorNamingOptionAndVariable() {
        Result result = cli.runBare("list");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--db-url", KeysCommandLine.DB_URL_VARIABLE);
    }

    @Test
    void commandWhenDatabaseUrlFromEnvironmentThenUsed() {
        cli.generate("OIDC_SIGNING", "ES256");
        cli.environment.put(KeysCommandLine.DB_URL_VARIABLE, cli.dbUrl);

        Result result = cli.runBare("list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("ES256/256");
    }

    @Test
    void commandWhenWrongDatabasePasswordThenOneLineKeyStoreFailureWithoutThePassword() {
        cli.environment.put(KeysCommandLine.DB_PASSWORD_VARIABLE, "not-the-password");

        Result result = cli.run("list");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).containsIgnoringCase("password").doesNotContain("not-the-password");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void commandWhenDatabasePasswordFileThenUsed() throws Exception {
        Path file = cli.write("db-password", "\n");

        Result result = cli.run("--db-password-file", file.toString(), "list");

        assertThat(result.code()).as(result.err()).isZero();
    }

    @Test
    void commandWhenDatabaseHasNoKeyTablesThenKeyStoreFailure() {
        String empty = "jdbc:h2:file:" + directory.resolve("empty/db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

        Result result = cli.runBare("--db-url", empty, "list");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).containsIgnoringCase("managed_key").contains("start the server once");
    }

    @Test
    void commandWhenKekIsNotTheOneThatWrappedTheKeyThenKeyStoreFailure() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "ES256");
        Path impostor = directory.resolve("impostor-kek");
        KeyEncryptionKey.generate("kek-1").writeTo(impostor);

        Result result = cli.runBare("--db-url", cli.dbUrl, "--kek-file", impostor.toString(), "csr", kid,
                "--subject", "CN=x");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("kek-1");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void commandWhenUnknownOptionThenUsageError() {
        Result result = cli.run("list", "--colour");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--colour'", "Try 'satupintu-keys list --help'.");
    }

    @Test
    void optionWhenValueIsASubcommandNameThenTakenAsTheValue() {
        Result result = cli.runBare("--db-url", cli.dbUrl, "--kek-file", "kek", "list");

        assertThat(result.code()).as(result.err()).isZero();
    }

    @Test
    void helpWhenAskedOfNestedCommandsThenShown() {
        assertThat(cli.runBare("cert", "--help").out()).contains("export", "self-sign", "import");
        assertThat(cli.runBare("cert", "import", "--help").out()).contains("CHAIN.PEM");
        assertThat(cli.runBare("kek", "rewrap", "--help").out()).contains("--new-kek-file");
        assertThat(cli.runBare("generate", "--help").code()).isZero();
    }

    @Test
    void helpWhenAskedThenListsEveryCommand() {
        Result result = cli.runBare("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("generate", "list", "rotate", "retire", "destroy", "jwks", "cert", "csr", "kek");
    }

    @Test
    void listWhenPurposeAndAllThenFiltersAndShowsDestroyed() {
        String oidc = cli.generate("OIDC_SIGNING", "ES256");
        String saml = cli.generate("SAML_SIGNING", "RS256");
        assertThat(cli.run("destroy", saml).code()).isZero();

        assertThat(cli.run("list", "--purpose", "OIDC_SIGNING").out()).contains(oidc).doesNotContain(saml);
        assertThat(cli.run("list").out()).doesNotContain(saml);
        assertThat(cli.run("list", "--all").out()).contains(saml, "DESTROYED");
    }

    @Test
    void rotateWhenNotImmediatelyThenSuccessorIsNextAndCurrentKeepsSigning() {
        String current = cli.generate("OIDC_SIGNING", "ES256", "--activate");

        Result result = cli.run("rotate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("rotated", "NEXT");
        assertThat(stored(current).state().name()).isEqualTo("ACTIVE");
    }

    @Test
    void rotateWhenImmediatelyThenSuccessorSignsAndCurrentIsRetired() {
        String current = cli.generate("OIDC_SIGNING", "ES256", "--activate");

        Result result = cli.run("rotate", "--purpose", "OIDC_SIGNING", "--alg", "ES256", "--immediately");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("ACTIVE");
        assertThat(stored(current).state().name()).isEqualTo("RETIRED");
    }

    @Test
    void retireWhenActiveThenRetiredWithDateAndNoKekNeeded() {
        String kid = cli.generate("OIDC_SIGNING", "ES256", "--activate");

        Result result = cli.runBare("--db-url", cli.dbUrl, "retire", kid);

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("retired " + kid, "RETIRED");
        assertThat(stored(kid).retiredAt()).isNotNull();
    }

    @Test
    void retireWhenUnknownKidThenKeyStoreFailure() {
        Result result = cli.run("retire", "no-such-kid");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("no key with kid no-such-kid");
    }

    @Test
    void destroyWhenRetiredThenDestroyedAndPrivateKeyGone() {
        String kid = cli.generate("OIDC_SIGNING", "ES256", "--activate");
        cli.run("retire", kid);

        Result result = cli.run("destroy", kid);

        assertThat(result.code()).isZero();
        assertThat(stored(kid).state().name()).isEqualTo("DESTROYED");
        assertThat(cli.run("csr", kid, "--subject", "CN=x").code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
    }

    @Test
    void destroyWhenActiveThenRefusedWithTheReason() {
        String kid = cli.generate("OIDC_SIGNING", "ES256", "--activate");

        Result result = cli.run("destroy", kid);

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("cannot move from ACTIVE to DESTROYED");
    }

    @Test
    void destroyWhenUnknownKidThenKeyStoreFailure() {
        assertThat(cli.run("destroy", "nope").code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
    }

    @Test
    void jwksWhenKeysOfSeveralPurposesThenOnlyPublishedKeysOfThePurposeWithoutPrivateParts() throws Exception {
        String es = cli.generate("OIDC_SIGNING", "ES256", "--activate");
        String ed = cli.generate("OIDC_SIGNING", "EdDSA");
        String rsa = cli.generate("OIDC_SIGNING", "RS256");
        String saml = cli.generate("SAML_SIGNING", "RS256");
        cli.run("destroy", rsa);

        Result result = cli.runBare("--db-url", cli.dbUrl, "jwks");

        assertThat(result.code()).isZero();
        JWKSet set = JWKSet.parse(result.out());
        assertThat(set.getKeys()).extracting(JWK::getKeyID).containsExactlyInAnyOrder(es, ed);
        assertThat(set.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(set.getKeyByKeyId(es).getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(JWKSet.parse(cli.run("jwks", "--purpose", "SAML_SIGNING").out()).getKeys())
                .extracting(JWK::getKeyID).containsExactly(saml);
    }

    @Test
    void certSelfSignWhenKeyThenStoredExportedAndInJwksX5c() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "RS256", "--activate");

        Result signed = cli.run("cert", "self-sign", kid, "--subject", "CN=SatuPintu SAML,O=Test,C=ID", "--days", "30");
        Result exported = cli.runBare("--db-url", cli.dbUrl, "cert", "export", kid);

        assertThat(signed.code()).isZero();
        assertThat(signed.out()).contains("stored a self-signed certificate", "CN=SatuPintu SAML");
        String listed = cli.run("list").out().lines().filter(l -> l.startsWith(kid)).findFirst().orElseThrow();
        assertThat(listed.strip()).endsWith(chainUntil(cli.runBare("--db-url", cli.dbUrl, "cert", "export", kid).out()));
        assertThat(exported.code()).isZero();
        List<X509Certificate> chain = Pem.readCertificates(exported.out());
        ManagedKey key = stored(kid);
        chain.get(0).verify(key.publicKey());
        assertThat(chain.get(0).getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(29)),
                Instant.now().plus(Duration.ofDays(31)));
        JWK jwk = JWKSet.parse(cli.run("jwks", "--purpose", "SAML_SIGNING").out()).getKeyByKeyId(kid);
        assertThat(jwk.getParsedX509CertChain()).containsExactlyElementsOf(chain);
    }

    private static String chainUntil(String pem) {
        return Pem.readCertificates(pem).get(0).getNotAfter().toInstant().toString();
    }

    @Test
    void certExportWhenOutFileThenWritten() throws Exception {
        String kid = cli.generate("SAML_ENCRYPTION", "RSA-OAEP-256");
        cli.run("cert", "self-sign", kid, "--subject", "CN=enc");
        Path file = directory.resolve("enc.pem");

        Result result = cli.run("cert", "export", kid, "--out", file.toString());

        assertThat(result.code()).isZero();
        assertThat(Pem.readCertificates(Files.readString(file))).hasSize(1);
    }

    @Test
    void certExportWhenNoCertificateThenKeyStoreFailureSayingHowToMakeOne() {
        String kid = cli.generate("SAML_SIGNING", "RS256");

        Result result = cli.run("cert", "export", kid);

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("has no certificate yet", "cert self-sign");
    }

    @Test
    void certSelfSignWhenBadSubjectThenUsageError() {
        String kid = cli.generate("SAML_SIGNING", "ES256");

        Result result = cli.run("cert", "self-sign", kid, "--subject", "nonsense");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("not a distinguished name");
    }

    @Test
    void certSelfSignWhenUnknownKidThenKeyStoreFailure() {
        Result result = cli.run("cert", "self-sign", "missing", "--subject", "CN=x");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("no key with kid missing");
    }

    @Test
    void csrWhenKeyThenPemRequestSignedByTheKey() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "ES256");

        Result result = cli.run("csr", kid, "--subject", "CN=SatuPintu SAML,C=ID");

        assertThat(result.code()).isZero();
        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(new StringReader(result.out()))) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(stored(kid).publicKey()))).isTrue();
    }

    @Test
    void certImportWhenCaAnswersTheCsrThenStoredAndExported() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "RS256");
        Path csr = directory.resolve("req.pem");
        cli.run("csr", kid, "--subject", "CN=SatuPintu SAML,C=ID", "--out", csr.toString());
        TestCa ca = new TestCa();
        Path chain = cli.write("chain.pem", Pem.certificates(List.of(ca.answer(Files.readString(csr)), ca.certificate)));

        Result result = cli.run("cert", "import", kid, chain.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("imported 2 certificate(s)", "issued by CN=Test CA");
        assertThat(stored(kid).certificateChain()).hasSize(2);
        assertThat(Pem.readCertificates(cli.run("cert", "export", kid).out())).hasSize(2);
    }

    @Test
    void certImportWhenChainForAnotherKeyThenRejectedAndNothingStored() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "RS256");
        String other = cli.generate("SAML_SIGNING", "RS256");
        TestCa ca = new TestCa();
        String otherCsr = cli.run("csr", other, "--subject", "CN=other").out();
        Path chain = cli.write("chain.pem", Pem.certificates(List.of(ca.answer(otherCsr), ca.certificate)));

        Result result = cli.run("cert", "import", kid, chain.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("is for another key");
        assertThat(stored(kid).certificateChain()).isEmpty();
    }

    @Test
    void certImportWhenWrongOrderThenRejected() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "RS256");
        TestCa ca = new TestCa();
        String csr = cli.run("csr", kid, "--subject", "CN=k").out();
        Path chain = cli.write("chain.pem", Pem.certificates(List.of(ca.answer(csr), ca.certificate, ca.answer(csr))));

        Result result = cli.run("cert", "import", kid, chain.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("order the chain leaf first");
    }

    @Test
    void certImportWhenFileMissingOrNotPemThenClearErrors() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "RS256");

        Result missing = cli.run("cert", "import", kid, directory.resolve("nope.pem").toString());
        Result notPem = cli.run("cert", "import", kid, cli.write("x.pem", "hello").toString());

        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("does not exist");
        assertThat(notPem.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(notPem.err()).contains("no -----BEGIN CERTIFICATE----- block");
    }

    @Test
    void kekRewrapWhenNewKekThenKeysOpenWithTheNewKekAlone() throws Exception {
        String kid = cli.generate("SAML_SIGNING", "ES256");
        Path newKek = directory.resolve("kek-2");
        KeyEncryptionKey.generate("kek-2").writeTo(newKek);

        Result result = cli.run("kek", "rewrap", "--new-kek-file", newKek.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("re-wrapped 1 key(s) under KEK 'kek-2'");
        Result csr = cli.runBare("--db-url", cli.dbUrl, "--kek-file", newKek.toString(), "csr", kid, "--subject", "CN=x");
        assertThat(csr.code()).as(csr.err()).isZero();
        Result oldKek = cli.run("csr", kid, "--subject", "CN=x");
        assertThat(oldKek.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(oldKek.err()).contains("kek-2");
    }

    @Test
    void kekRewrapWhenNoKekThenUsageError() throws Exception {
        Path newKek = directory.resolve("kek-2");
        KeyEncryptionKey.generate("kek-2").writeTo(newKek);

        Result result = cli.runBare("--db-url", cli.dbUrl, "kek", "rewrap", "--new-kek-file", newKek.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void pkcs12BackendWhenPasswordInEnvironmentThenKeyGeneratedInTheFile() {
        cli.environment.put("P12_PASSWORD", "correct horse");
        Path p12 = directory.resolve("keys.p12");

        Result result = cli.run("--backend", "pkcs12", "--pkcs12-file", p12.toString(), "--pkcs12-password-env",
                "P12_PASSWORD", "generate", "--purpose", "SAML_SIGNING", "--alg", "RS256");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("back end pkcs12");
        assertThat(p12).exists();
    }

    @Test
    void pkcs12BackendWhenWrongPasswordThenOneLineKeyStoreFailure() {
        cli.environment.put("P12_PASSWORD", "correct horse");
        Path p12 = directory.resolve("keys.p12");
        Result generated = cli.run("--backend", "pkcs12", "--pkcs12-file", p12.toString(), "--pkcs12-password-env",
                "P12_PASSWORD", "generate", "--purpose", "SAML_SIGNING", "--alg", "RS256");
        String kid = generated.out().split("\\s+")[1];
        cli.environment.put("P12_PASSWORD", "battery staple");

        Result result = cli.run("--pkcs12-file", p12.toString(), "--pkcs12-password-env", "P12_PASSWORD",
                "cert", "self-sign", kid, "--subject", "CN=x");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("wrong password for PKCS#12 file").doesNotContain("battery", "horse");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void pkcs12BackendWhenPasswordVariableUnsetThenUsageErrorNamingIt() {
        Result result = cli.run("--backend", "pkcs12", "--pkcs12-file", directory.resolve("k.p12").toString(),
                "generate", "--purpose", "SAML_SIGNING", "--alg", "RS256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("SATUPINTU_KEYS_PKCS12_PASSWORD is not set");
    }

    @Test
    void pkcs11BackendWhenLibraryMissingThenKeyStoreFailureNamingIt() {
        cli.environment.put("SATUPINTU_KEYS_PKCS11_PIN", "1234");

        Result result = cli.run("--backend", "pkcs11", "--pkcs11-library", "/nonexistent/libsofthsm2.so",
                "--pkcs11-slot", "0", "generate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("/nonexistent/libsofthsm2.so").doesNotContain("1234");
    }

    @Test
    void pkcs11BackendWhenNoLibraryThenUsageError() {
        Result result = cli.run("--backend", "pkcs11", "generate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--pkcs11-library");
    }

    @Test
    void keyStoreFailureMessageWhenCauseThenOneLine() {
        assertThat(KeysCommandLine.message(new KeyStoreFailure("outer", new IllegalStateException("inner\nline"))))
                .isEqualTo("outer: inner line");
    }
}
