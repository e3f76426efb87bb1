package id.satupintu.idp.saml.binding.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.PostedMessageCodec;
import id.satupintu.idp.saml.binding.PostedMessages;

/** The quickstart's single-node parking; expired messages are swept as new ones arrive. */
public class MemoryPostedMessages implements PostedMessages {

    private static final int SWEEP_EVERY = 256;

    private final Map<String, Parked> parked = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final Clock clock;

    public MemoryPostedMessages(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String park(InboundMessage message) {
        Instant now = clock.instant();
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            parked.values().removeIf(p -> !p.expiresAt().isAfter(now));
        }
        String handle = PostedMessageCodec.newHandle();
        parked.put(handle, new Parked(PostedMessageCodec.encode(message), now.plus(TIME_TO_LIVE)));
        return handle;
    }

    @Override
    public Optional<InboundMessage> claim(String handle) {
        if (!PostedMessageCodec.isWellFormed(handle)) {
            return Optional.empty();
        }
        Parked found = parked.remove(handle);
        if (found == null || !found.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return PostedMessageCodec.decode(found.stored());
    }

    private record Parked(String stored, Instant expiresAt) {
    }
}
