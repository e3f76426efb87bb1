package id.satupintu.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.JWKSet;

import id.satupintu.keys.store.database.KeyEncryptionKey;
import id.satupintu.keys.store.database.TestDatabases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The command line against PostgreSQL (embedded, migrated by Flyway as the server does), by JDBC URL. */
class KeysCommandLinePostgresTest {

    @TempDir
    Path directory;

    @Test
    void commandsWhenPostgresThenLifeCycleCertificateJwksAndRewrapWork() throws Exception {
        DataSource dataSource = TestDatabases.postgres();
        PGSimpleDataSource postgres = (PGSimpleDataSource) dataSource;
        Path kek = directory.resolve("kek");
        KeyEncryptionKey.generate("kek-1").writeTo(kek);
        Path newKek = directory.resolve("kek-2");
        KeyEncryptionKey.generate("kek-2").writeTo(newKek);
        Map<String, String> environment = Map.of(KeysCommandLine.DB_URL_VARIABLE, postgres.getUrl(),
                KeysCommandLine.DB_USER_VARIABLE, postgres.getUser(),
                KeysCommandLine.DB_PASSWORD_VARIABLE, postgres.getPassword() == null ? "" : postgres.getPassword());

        String generated = run(environment, 0, "--kek-file", kek.toString(), "generate", "--purpose", "OIDC_SIGNING",
                "--alg", "ES256", "--activate");
        String kid = generated.split("\\s+")[1];
        run(environment, 0, "--kek-file", kek.toString(), "cert", "self-sign", kid, "--subject", "CN=pg");

        assertThat(run(environment, 0, "list")).contains(kid, "ACTIVE", "ES256/256");
        assertThat(JWKSet.parse(run(environment, 0, "jwks")).getKeyByKeyId(kid).getX509CertChain()).hasSize(1);
        assertThat(run(environment, 0, "--kek-file", kek.toString(), "kek", "rewrap", "--new-kek-file", newKek.toString()))
                .contains("re-wrapped 1 key(s) under KEK 'kek-2'");
        assertThat(run(environment, 0, "--kek-file", newKek.toString(), "csr", kid, "--subject", "CN=pg"))
                .contains("BEGIN CERTIFICATE REQUEST");
        assertThat(run(environment, 2, "destroy", kid)).contains("cannot move from ACTIVE to DESTROYED");
    }

    private static String run(Map<String, String> environment, int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KeysCommandLine.execute(environment, new PrintWriter(out), new PrintWriter(err),
                args);
        assertThat(code).as(err.toString()).isEqualTo(expected);
        return expected == 0 ? out.toString() : err.toString();
    }
}
