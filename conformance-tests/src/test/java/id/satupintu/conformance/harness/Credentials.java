package id.satupintu.conformance.harness;

import java.util.Objects;

/**
 * Assertions on tokens, codes and secrets that never print them: a failure message names what
 * was wrong, not the credential, so test reports stay free of live credentials.
 */
public final class Credentials {

    private Credentials() {
    }

    public static void assertAbsent(String credential, String what) {
        if (credential != null) {
            throw new AssertionError(what + " was issued but must not be");
        }
    }

    public static void assertPresent(String credential, String what, int minimumLength) {
        if (credential == null || credential.isBlank()) {
            throw new AssertionError(what + " is missing");
        }
        if (credential.length() < minimumLength) {
            throw new AssertionError(what + " has " + credential.length() + " characters, expected at least " + minimumLength);
        }
    }

    public static void assertDifferent(String one, String other, String what) {
        if (Objects.equals(one, other)) {
            throw new AssertionError(what + ": both values are the same");
        }
    }

    /** RFC 6749 Appendix A.17: refresh tokens are VSCHAR (printable ASCII). */
    public static void assertPrintableAscii(String credential, String what) {
        if (credential == null || !credential.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new AssertionError(what + " contains characters outside %x20-7E");
        }
    }
}
