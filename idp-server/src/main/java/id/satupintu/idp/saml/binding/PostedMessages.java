package id.satupintu.idp.saml.binding;

import java.time.Duration;
import java.util.Optional;

/**
 * SAML messages POSTed cross-site, parked while the browser comes back with its SameSite=Lax
 * session cookie (a top-level GET carries it, a cross-site POST does not).
 */
public interface PostedMessages {

    /** How long a parked message waits to be claimed. */
    Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    /** @return a random opaque handle (at least 128 bits) for {@link #claim} */
    String park(InboundMessage message);

    /** @return the parked message, once: it is gone after this call; empty when unknown or expired */
    Optional<InboundMessage> claim(String handle);
}
