package id.satupintu.keys.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import id.satupintu.keys.KeyStoreFailure;

/** Public PEM text to a file, or to standard output when no file is named. */
final class PemOutput {

    private PemOutput() {
    }

    static void write(String pem, Path file, PrintWriter out, String what) {
        if (file == null) {
            out.print(pem);
            out.flush();
            return;
        }
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot write " + what + " to " + file + ": " + e.getMessage(), e);
        }
        out.println("wrote " + what + " to " + file);
    }
}
