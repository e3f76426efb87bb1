package id.satupintu.sdk.redis;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import io.lettuce.core.RedisException;
import java.util.function.Supplier;

/**
 * Turns a Redis failure (connection down, timeout) into the SDK's own refusal, so the flow answers
 * "try again later" (503) instead of the container's 500, and no Lettuce type reaches the caller.
 */
final class Guarded {

    private Guarded() {
    }

    static <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (RedisException e) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE,
                    "Redis unavailable while " + what + ": " + e.getClass().getSimpleName(), e);
        }
    }

    static void run(String what, Runnable work) {
        call(what, () -> {
            work.run();
            return null;
        });
    }
}
