package id.satupintu.idp.saml.binding;

import java.time.Duration;
import java.util.Optional;

/**
 * SAML messages POSTed cross-site, parked while the browser comes back with its session cookie.
 *
 * <p>Why: the SSO session cookie is SameSite=Lax, so a cross-site POST (the HTTP-POST binding,
 * SAML Bindings §3.5) arrives without it; a top-level GET to this IdP carries it. The SSO endpoint
 * parks the message, redirects the browser to itself with the handle, and claims the message on that
 * GET, now with the citizen's session. One use: a handle is gone once claimed, and after
 * {@link #TIME_TO_LIVE}. The message is kept as XML bytes and parsed again on claim.
 */
public interface PostedMessages {

    /** How long a parked message waits to be claimed. */
    Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    /** @return a random opaque handle of 256 bits (base64url, 43 characters) for {@link #claim} */
    String park(InboundMessage message);

    /** @return the parked message, once: it is gone after this call; empty when unknown, claimed or expired */
    Optional<InboundMessage> claim(String handle);
}
