package id.satupintu.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWKSet;

import id.satupintu.keys.cert.Pem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line ({@code satupintu-keys-<version>-cli.jar}) run as an operator runs it,
 * {@code java -jar}, against a migrated H2 file database: the manifest's main class, the JDBC
 * drivers and Bouncy Castle (its jar signatures stripped) all work from the one jar. Run by
 * failsafe in {@code verify}, after {@code package} made the jar.
 */
class KeysCliJarIT {

    @TempDir
    Path directory;

    private TestCli cli;
    private Path jar;

    @BeforeEach
    void setUp() throws Exception {
        cli = new TestCli(directory);
        jar = Path.of(System.getProperty("satupintu.keys.cli.jar", "target/satupintu-keys-0.1.0-SNAPSHOT-cli.jar"));
        assertThat(jar).as("run 'package' first").exists();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--kek-file", cli.kekFile.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put(KeysCommandLine.DB_URL_VARIABLE, cli.dbUrl);
        environment.put(KeysCommandLine.DB_USER_VARIABLE, "sa");
        return builder.start();
    }

    private String run(int expectedExit, String... args) throws Exception {
        Process process = start(args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isEqualTo(expectedExit);
        return expectedExit == 0 ? out : err;
    }

    @Test
    void javaJarWhenLifeCycleAndCertificatesThenEveryStepWorks() throws Exception {
        String generated = run(0, "generate", "--purpose", "SAML_SIGNING", "--alg", "RS256", "--activate");
        String kid = generated.split("\\s+")[1];

        assertThat(run(0, "list")).contains(kid, "ACTIVE");
        run(0, "cert", "self-sign", kid, "--subject", "CN=SatuPintu SAML,C=ID");
        assertThat(Pem.readCertificates(run(0, "cert", "export", kid))).hasSize(1);
        assertThat(run(0, "csr", kid, "--subject", "CN=SatuPintu SAML,C=ID")).contains("BEGIN CERTIFICATE REQUEST");
        assertThat(JWKSet.parse(run(0, "jwks", "--purpose", "SAML_SIGNING")).getKeyByKeyId(kid).getX509CertChain())
                .hasSize(1);
        Path newKek = directory.resolve("kek-2");
        id.satupintu.keys.store.database.KeyEncryptionKey.generate("kek-2").writeTo(newKek);
        assertThat(run(0, "kek", "rewrap", "--new-kek-file", newKek.toString())).contains("re-wrapped 1 key(s)");
    }

    @Test
    void javaJarWhenErrorsThenExitCodesAndOneLineMessages() throws Exception {
        assertThat(run(1, "generate", "--purpose", "OIDC_SIGNING", "--alg", "EdDSA", "--size", "256"))
                .contains("EdDSA keys are [255] bits");
        assertThat(run(2, "retire", "no-such-kid")).contains("no key with kid no-such-kid").hasLineCount(1);
        assertThat(Files.exists(jar)).isTrue();
    }
}
