package id.satupintu.keys;

import java.time.Duration;
import java.util.Objects;

/**
 * When keys change state.
 *
 * @param activeLifetime how long a key signs before its successor takes over (e.g. 90 days)
 * @param publishLead how long a successor is published as NEXT before it signs; at least the JWKS
 *        cache lifetime relying parties are told ({@code Cache-Control: max-age}), so none of them
 *        meets an unknown {@code kid}
 * @param retiredLifetime how long a retired key stays published; at least the longest lifetime
 *        of anything it signed (ID and access tokens, logout tokens, SAML assertions) plus clock skew
 */
public record RotationPolicy(Duration activeLifetime, Duration publishLead, Duration retiredLifetime) {

    public RotationPolicy {
        Objects.requireNonNull(activeLifetime, "activeLifetime");
        Objects.requireNonNull(publishLead, "publishLead");
        Objects.requireNonNull(retiredLifetime, "retiredLifetime");
        if (publishLead.isNegative() || retiredLifetime.isNegative() || activeLifetime.compareTo(publishLead) <= 0) {
            throw new IllegalArgumentException("need 0 <= publishLead < activeLifetime and retiredLifetime >= 0");
        }
    }

    /** 90 days active, published 2 days ahead, kept 1 day after retirement. */
    public static RotationPolicy defaults() {
        return new RotationPolicy(Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(1));
    }
}
