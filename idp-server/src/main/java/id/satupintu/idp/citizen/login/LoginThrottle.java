package id.satupintu.idp.citizen.login;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.store.Sha256;

/**
 * Applies {@link LoginThrottleProperties} to sign-ins: per account and per client address. Accounts
 * are keyed by a SHA-256 of the NIK, so that NIKs do not sit in plain sight in the shared store. It is
 * not a secret: NIKs are structured enough to be enumerated, so Redis itself must stay private.
 * Unknown NIKs are counted too, so probing one costs the same as attacking a real account.
 *
 * <p>An attacker can keep one account throttled by failing on purpose; NIST SP 800-63B §5.2.2 accepts
 * this in exchange for bounding guesses, and the counters expire, so there is no permanent lock-out.
 */
@Component
public class LoginThrottle {

    /** Which limit was reached. */
    public enum Scope { ACCOUNT, CLIENT_ADDRESS }

    /** A reached limit and when the next attempt is allowed. */
    public record Block(Scope scope, Instant retryAt) {
    }

    private final LoginAttemptStore attempts;
    private final LoginThrottleProperties properties;

    public LoginThrottle(LoginAttemptStore attempts, LoginThrottleProperties properties) {
        this.attempts = attempts;
        this.properties = properties;
    }

    /** @return the block in force for this address or account (null when the NIK was malformed) */
    public Optional<Block> check(String clientAddress, Nik nik, Instant now) {
        if (clientAddress != null) {
            Optional<Instant> until = attempts.blockedUntil(addressKey(clientAddress), properties.ipLimit(),
                    properties.window(), now);
            if (until.isPresent()) {
                return Optional.of(new Block(Scope.CLIENT_ADDRESS, until.get()));
            }
        }
        if (nik != null) {
            return attempts.blockedUntil(accountKey(nik), properties.accountLimit(), properties.window(), now)
                    .map(until -> new Block(Scope.ACCOUNT, until));
        }
        return Optional.empty();
    }

    public void recordFailure(String clientAddress, Nik nik, Instant now) {
        if (clientAddress != null) {
            attempts.recordFailure(addressKey(clientAddress), now, properties.window());
        }
        if (nik != null) {
            attempts.recordFailure(accountKey(nik), now, properties.window());
        }
    }

    /** A successful sign-in ends the account's run of consecutive failures; the address keeps its count. */
    public void recordSuccess(Nik nik) {
        attempts.clear(accountKey(nik));
    }

    private static String addressKey(String clientAddress) {
        return "ip:" + clientAddress;
    }

    private static String accountKey(Nik nik) {
        return "account:" + HexFormat.of().formatHex(Sha256.digest(nik.value().getBytes(StandardCharsets.US_ASCII)));
    }
}
