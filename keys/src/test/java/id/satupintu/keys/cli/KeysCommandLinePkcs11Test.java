package id.satupintu.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import id.satupintu.keys.cert.Pem;
import id.satupintu.keys.cli.TestCli.Result;
import id.satupintu.keys.store.pkcs11.SoftHsm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with the PKCS#11 back end on SoftHSM2 (set up by keys-hsm's {@link SoftHsm}). */
class KeysCommandLinePkcs11Test {

    @TempDir
    Path directory;

    private TestCli cli;
    private SoftHsm.Token token;

    @BeforeEach
    void setUp() throws Exception {
        cli = new TestCli(directory);
        token = SoftHsm.token();
        cli.environment.put("HSM_PIN", new String(token.pin()));
    }

    private List<String> hsm(String... slotOrLabel) {
        List<String> args = new java.util.ArrayList<>(List.of("--backend", "pkcs11", "--pkcs11-library",
                token.library().toString(), "--pkcs11-pin-env", "HSM_PIN"));
        args.addAll(List.of(slotOrLabel));
        return args;
    }

    private Result run(List<String> global, String... command) {
        List<String> args = new java.util.ArrayList<>(global);
        args.addAll(List.of(command));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void generateWhenTokenLabelThenKeyInTheHsmSelfSignsInsideIt() throws Exception {
        List<String> global = hsm("--pkcs11-token-label", token.label());

        Result generated = run(global, "generate", "--purpose", "SAML_SIGNING", "--alg", "ES256");
        String kid = generated.out().split("\\s+")[1];
        Result signed = run(global, "cert", "self-sign", kid, "--subject", "CN=HSM SAML,C=ID");

        assertThat(generated.code()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("back end pkcs11");
        assertThat(signed.code()).as(signed.err()).isZero();
        String pem = cli.run("cert", "export", kid).out();
        Pem.readCertificates(pem).get(0).verify(Pem.readCertificates(pem).get(0).getPublicKey());
        assertThat(cli.environment.get("HSM_PIN")).satisfies(pin -> assertThat(generated.out() + signed.out()
                + signed.err()).doesNotContain(pin));
    }

    @Test
    void selfSignWhenHsmEncryptionKeyThenCertificateForKeyEncipherment() throws Exception {
        List<String> global = hsm("--pkcs11-slot", Long.toString(token.slot()));
        Result generated = run(global, "generate", "--purpose", "SAML_ENCRYPTION", "--alg", "RSA-OAEP-256");
        assertThat(generated.code()).as(generated.err()).isZero();
        String kid = generated.out().split("\\s+")[1];

        Result signed = run(global, "cert", "self-sign", kid, "--subject", "CN=HSM SAML encryption,C=ID");

        assertThat(signed.code()).as(signed.err()).isZero();
        java.security.cert.X509Certificate certificate = Pem.readCertificates(cli.run("cert", "export", kid).out()).get(0);
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getKeyUsage()[2]).isTrue();
    }

    @Test
    void generateWhenSlotMissingThenKeyStoreFailureNamingTheSlot() {
        Result result = run(hsm("--pkcs11-slot", "987654"), "generate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("slot 987654").doesNotContain(cli.environment.get("HSM_PIN"));
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void generateWhenWrongPinThenOneLineKeyStoreFailureWithoutThePin() {
        SoftHsm.Token other = SoftHsm.neverLoggedInToken();
        cli.environment.put("WRONG_PIN", "0000-not-the-pin");

        Result result = cli.run("--backend", "pkcs11", "--pkcs11-library", other.library().toString(),
                "--pkcs11-token-label", other.label(), "--pkcs11-pin-env", "WRONG_PIN",
                "generate", "--purpose", "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.KEY_STORE_FAILURE);
        assertThat(result.err()).contains("wrong PIN").doesNotContain("0000-not-the-pin");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void generateWhenSlotAndLabelBothGivenThenUsageError() {
        Result result = run(hsm("--pkcs11-slot", "1", "--pkcs11-token-label", "x"), "generate", "--purpose",
                "OIDC_SIGNING", "--alg", "ES256");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("exactly one of --pkcs11-slot");
    }
}
