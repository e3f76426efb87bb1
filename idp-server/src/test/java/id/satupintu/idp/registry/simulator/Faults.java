package id.satupintu.idp.registry.simulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's fault switchboard, changed at run time by the test that owns the simulator:
 * added latency on every answer, and one kind of fault for every request, for the next few
 * requests, or for a share of requests.
 */
public final class Faults {

    public enum Kind {
        /** Answer normally. */
        NONE,
        /** HTTP 503 with a problem body. */
        SERVER_ERROR,
        /** HTTP 400 with a problem body: a client error, which must never be retried. */
        CLIENT_ERROR,
        /** Accept the request and never answer (until the simulator stops). */
        NO_ANSWER,
        /** HTTP 200 with a body that is not the API's JSON. */
        MALFORMED_BODY,
        /** Close the connection without an answer. */
        CLOSE_CONNECTION
    }

    private static final int ALWAYS = -1;

    private volatile Kind kind = Kind.NONE;
    private volatile double rate = 1.0;
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger remaining = new AtomicInteger(ALWAYS);

    /** Every request gets {@code fault}. */
    public Faults always(Kind fault) {
        remaining.set(ALWAYS);
        rate = 1.0;
        kind = fault;
        return this;
    }

    /** The next {@code count} requests get {@code fault}; then answers are normal again. */
    public Faults next(int count, Kind fault) {
        rate = 1.0;
        kind = fault;
        remaining.set(count);
        return this;
    }

    /** A share (0..1) of requests, chosen at random, gets {@code fault}: for the benchmark and manual trials. */
    public Faults share(double share, Kind fault) {
        remaining.set(ALWAYS);
        rate = share;
        kind = fault;
        return this;
    }

    public Faults latency(Duration added) {
        latency = added;
        return this;
    }

    public Faults clear() {
        kind = Kind.NONE;
        rate = 1.0;
        latency = Duration.ZERO;
        remaining.set(ALWAYS);
        return this;
    }

    Duration latency() {
        return latency;
    }

    /** @return the fault for the request now arriving */
    Kind draw() {
        Kind current = kind;
        if (current == Kind.NONE) {
            return Kind.NONE;
        }
        if (remaining.get() != ALWAYS && remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) <= 0) {
            return Kind.NONE;
        }
        if (rate < 1.0 && ThreadLocalRandom.current().nextDouble() >= rate) {
            return Kind.NONE;
        }
        return current;
    }
}
