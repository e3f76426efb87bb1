package id.satupintu.idp.oidc.replay;

import java.time.Instant;

/**
 * Remembers one-time values (client-assertion {@code jti}s, RFC 7523 §3 item 7) until they expire,
 * across every node: a value is accepted the first time only.
 */
public interface ReplayCache {

    /**
     * Records {@code value} until {@code expiresAt}.
     *
     * @return true the first time the value is seen; false for a replay
     */
    boolean firstUse(String value, Instant expiresAt);
}
