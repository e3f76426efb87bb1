package id.satupintu.idp.citizen;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and verifies citizens' passwords with Argon2id at the OWASP Password Storage Cheat Sheet
 * parameters (m = 19456 KiB, t = 2, p = 1; 16-byte salt, 32-byte hash).
 *
 * <p>Deliberately not a {@code PasswordEncoder} bean: the application's only such bean verifies
 * client secrets, which must stay fast; Argon2 is slow by design and belongs to citizen login only.
 */
@Component
public class CitizenPasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19456;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder argon2 =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

    /**
     * A hash of a value nobody knows, verified against when the NIK has no account (or no password)
     * so that unknown accounts cost the same time as wrong passwords (no account enumeration by timing).
     */
    private final String dummyHash = argon2.encode("satupintu-no-such-account");

    /** @return an Argon2id PHC string with a fresh random salt */
    public String hash(CharSequence password) {
        return argon2.encode(password);
    }

    /** @return whether the password matches; false (after the same work) when {@code hash} is null */
    public boolean matches(CharSequence password, String hash) {
        if (hash == null) {
            argon2.matches(password, dummyHash);
            return false;
        }
        return argon2.matches(password, hash);
    }

    /** Spends the time of one verification without any account, then answers false. */
    public boolean matchesNoAccount(CharSequence password) {
        return matches(password, null);
    }
}
