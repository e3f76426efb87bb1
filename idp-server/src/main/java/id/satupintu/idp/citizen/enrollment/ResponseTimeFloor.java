package id.satupintu.idp.citizen.enrollment;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Makes every identity check take at least {@link EnrollmentProperties#verificationFloor()}.
 *
 * <p>Why: the registry answers an unknown NIK faster than a known one (no record to compare), and only a
 * matched identity goes on to look up the account store. Without a floor, response time would tell an
 * attacker which NIKs exist even though the page is identical. The floor is set above the slowest usual
 * registry answer, so all outcomes leave at the same moment; an answer slower than the floor is not
 * padded further. Waiting blocks a request thread but costs no CPU, and attempts are throttled, so the
 * waiting cannot be multiplied at will.
 */
@Component
public class ResponseTimeFloor {

    private final Duration floor;

    public ResponseTimeFloor(EnrollmentProperties properties) {
        this.floor = properties.verificationFloor();
    }

    /** @return what {@code work} returned (or throws what it threw), never before the floor has passed */
    public <T> T atLeast(Supplier<T> work) {
        long deadline = System.nanoTime() + floor.toNanos();
        try {
            return work.get();
        } finally {
            waitUntil(deadline);
        }
    }

    private static void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            try {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
