package id.satupintu.idp.citizen.enrollment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import id.satupintu.idp.citizen.login.LoginAttemptStore;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.store.Sha256;

/**
 * Limits failed identity checks per NIK and per client address in a rolling window (the rate limiting of
 * NIST SP 800-63B §5.2.2, applied to identity proofing), so that nobody
 * can try family card numbers or birth dates against one NIK, or NIKs from one address, at will.
 * Reuses the sign-in counters ({@link LoginAttemptStore}: Redis with TTL, or memory) under keys of its
 * own; NIKs are keyed by their SHA-256, as sign-in does.
 */
@Component
public class EnrollmentThrottle {

    /** Which limit was reached. */
    public enum Scope { NIK, CLIENT_ADDRESS }

    /** A reached limit and when the next attempt is allowed. */
    public record Block(Scope scope, Instant retryAt) {
    }

    private final LoginAttemptStore attempts;
    private final EnrollmentProperties.Throttle limits;

    public EnrollmentThrottle(LoginAttemptStore attempts, EnrollmentProperties properties) {
        this.attempts = attempts;
        this.limits = properties.throttle();
    }

    /** @return the block in force for this address, or for this NIK when one was given */
    public Optional<Block> check(String clientAddress, Nik nik, Instant now) {
        Optional<Instant> byAddress = attempts.blockedUntil(addressKey(clientAddress), limits.ipLimit(),
                limits.window(), now);
        if (byAddress.isPresent()) {
            return Optional.of(new Block(Scope.CLIENT_ADDRESS, byAddress.get()));
        }
        if (nik == null) {
            return Optional.empty();
        }
        return attempts.blockedUntil(nikKey(nik), limits.nikLimit(), limits.window(), now)
                .map(until -> new Block(Scope.NIK, until));
    }

    /** Counts one failed check against the address and, when the NIK was well-formed, against the NIK. */
    public void recordFailure(String clientAddress, Nik nik, Instant now) {
        attempts.recordFailure(addressKey(clientAddress), now, limits.window());
        if (nik != null) {
            attempts.recordFailure(nikKey(nik), now, limits.window());
        }
    }

    private static String addressKey(String clientAddress) {
        return "enrol-ip:" + (clientAddress == null ? "unknown" : clientAddress);
    }

    private static String nikKey(Nik nik) {
        return "enrol-nik:" + HexFormat.of().formatHex(Sha256.digest(nik.value().getBytes(StandardCharsets.US_ASCII)));
    }
}
