package id.satupintu.idp.citizen.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.idp.store.Sha256;

/**
 * Sends and checks six-digit codes that prove a citizen receives mail or SMS at a contact detail
 * (NIST SP 800-63B §5.1.3: random, at least 6 decimal digits from an approved generator; short-lived;
 * limited attempts per §5.2.2). Codes are stored as salted SHA-256 only; six digits could be searched
 * offline, which is why the store also bounds their life to minutes and their tries to a handful.
 */
public class OneTimeCodes {

    /** What became of a request to send a code. */
    public sealed interface Sending {
        /** Sent; it is accepted until {@code expiresAt}. */
        record Sent(Instant expiresAt) implements Sending {
        }

        /** Asked again too soon (or too often); the next send is allowed at {@code retryAt}. */
        record TooSoon(Instant retryAt) implements Sending {
        }

        /** {@link #resend} with no code outstanding. */
        record NothingToResend() implements Sending {
        }
    }

    /** What became of an entered code. */
    public sealed interface Checking {
        /** Right code: {@code destination} is proven. The code is spent. */
        record Verified(String destination) implements Checking {
        }

        /** Wrong code; {@code attemptsLeft} more may be tried. */
        record Wrong(int attemptsLeft) implements Checking {
        }

        /** The code's time is up; a new one must be sent. */
        record Expired() implements Checking {
        }

        /** Too many wrong codes; a new one must be sent. */
        record TooManyAttempts() implements Checking {
        }

        /** No code was sent (or it was forgotten long ago). */
        record NoCode() implements Checking {
        }
    }

    private static final int SALT_BYTES = 16;
    private static final int CODE_SPACE = 1_000_000;

    private final OneTimeCodeStore store;
    private final OneTimeCodeSender sender;
    private final OneTimeCodeProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OneTimeCodes(OneTimeCodeStore store, OneTimeCodeSender sender, OneTimeCodeProperties properties,
                        Clock clock) {
        this.store = store;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends a new code to {@code destination}, replacing any outstanding one for the account and channel. */
    public Sending send(UUID citizenId, ContactChannel channel, String destination, Locale locale) {
        String key = key(citizenId, channel);
        Instant now = clock.instant();
        Optional<StoredOneTimeCode> previous = store.find(key, now);
        if (previous.isPresent()) {
            Optional<Instant> retryAt = throttledUntil(previous.get(), now);
            if (retryAt.isPresent()) {
                return new Sending.TooSoon(retryAt.get());
            }
        }
        String code = "%06d".formatted(random.nextInt(CODE_SPACE));
        String salt = salt();
        Instant expiresAt = now.plus(properties.ttl());
        int sends = previous.map(StoredOneTimeCode::sends).orElse(0) + 1;
        store.save(key, new StoredOneTimeCode(destination, salt, hash(salt, key, code), expiresAt, 0, now, sends),
                expiresAt.plus(properties.ttl()));
        sender.send(channel, destination, code, locale);
        return new Sending.Sent(expiresAt);
    }

    /** Sends a new code to where the outstanding one went. */
    public Sending resend(UUID citizenId, ContactChannel channel, Locale locale) {
        Optional<StoredOneTimeCode> outstanding = store.find(key(citizenId, channel), clock.instant());
        return outstanding.isEmpty() ? new Sending.NothingToResend()
                : send(citizenId, channel, outstanding.get().destination(), locale);
    }

    /** @return where the outstanding code was sent, if there is one */
    public Optional<String> destination(UUID citizenId, ContactChannel channel) {
        return store.find(key(citizenId, channel), clock.instant()).map(StoredOneTimeCode::destination);
    }

    public Checking check(UUID citizenId, ContactChannel channel, String enteredCode) {
        String key = key(citizenId, channel);
        Instant now = clock.instant();
        Optional<StoredOneTimeCode> stored = store.find(key, now);
        if (stored.isEmpty()) {
            return new Checking.NoCode();
        }
        StoredOneTimeCode code = stored.get();
        if (code.failedAttempts() >= properties.maxAttempts()) {
            return new Checking.TooManyAttempts();
        }
        if (!now.isBefore(code.expiresAt())) {
            return new Checking.Expired();
        }
        String entered = enteredCode == null ? "" : enteredCode.strip();
        if (MessageDigest.isEqual(hash(code.salt(), key, entered).getBytes(StandardCharsets.US_ASCII),
                code.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            store.delete(key);
            return new Checking.Verified(code.destination());
        }
        int failed = store.recordFailedAttempt(key);
        if (failed == 0) {
            return new Checking.NoCode(); // forgotten between the two reads
        }
        return failed >= properties.maxAttempts() ? new Checking.TooManyAttempts()
                : new Checking.Wrong(properties.maxAttempts() - failed);
    }

    private Optional<Instant> throttledUntil(StoredOneTimeCode previous, Instant now) {
        Instant nextAllowed = previous.lastSentAt().plus(properties.resendInterval());
        if (now.isBefore(nextAllowed)) {
            return Optional.of(nextAllowed);
        }
        if (previous.sends() >= properties.maxSends() && now.isBefore(previous.expiresAt())) {
            return Optional.of(previous.expiresAt());
        }
        return Optional.empty();
    }

    private String salt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }

    private static String hash(String salt, String key, String code) {
        return Sha256.base64Url(salt + ":" + key + ":" + code);
    }

    static String key(UUID citizenId, ContactChannel channel) {
        return citizenId + ":" + channel.id();
    }
}
