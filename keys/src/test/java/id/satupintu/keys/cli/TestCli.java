package id.satupintu.keys.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.keys.store.database.KeyEncryptionKey;

import org.flywaydb.core.Flyway;

/**
 * Runs {@code satupintu-keys} in-process against an H2 file database in a temporary directory,
 * in the quickstart's mode, migrated with Flyway over {@code classpath:db/migration} as the server
 * does, with a KEK file generated for the test.
 */
final class TestCli {

    final Path directory;
    final String dbUrl;
    final Path kekFile;
    final Map<String, String> environment = new HashMap<>();

    TestCli(Path directory) throws IOException {
        this.directory = directory;
        this.dbUrl = "jdbc:h2:file:" + directory.resolve("db/satupintu")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(dbUrl, "sa", "").locations("classpath:db/migration").load().migrate();
        this.kekFile = directory.resolve("kek");
        KeyEncryptionKey.generate("kek-1").writeTo(kekFile);
        environment.put(KeysCommandLine.DB_USER_VARIABLE, "sa");
    }

    /** Runs with the database and KEK options first. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db-url", dbUrl, "--kek-file", kekFile.toString()));
        all.addAll(List.of(args));
        return runBare(all.toArray(String[]::new));
    }

    /** Runs exactly these arguments. */
    Result runBare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KeysCommandLine.execute(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Generates a key and returns its kid. */
    String generate(String purpose, String algorithm, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--purpose", purpose, "--alg", algorithm));
        args.addAll(List.of(more));
        Result result = run(args.toArray(String[]::new));
        if (result.code() != 0) {
            throw new AssertionError("generate failed: " + result);
        }
        return result.out().split("\\s+")[1];
    }

    Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    record Result(int code, String out, String err) {
    }
}
