package id.satupintu.idp.keys;

import java.time.Duration;
import java.util.stream.Stream;

import id.satupintu.keys.RotationPolicy;

/**
 * Checks at start-up that the rotation policy keeps every relying party working: a successor is
 * published at least as long as relying parties may cache the JWKS (RFC 9111 {@code max-age}),
 * and a retired key stays published at least as long as the longest-lived token it signed.
 */
final class RotationPolicyCheck {

    private RotationPolicyCheck() {
    }

    static RotationPolicy policy(KeysProperties keys, Duration jwksMaxAge, Duration longestTokenLifetime) {
        if (keys.publishLead().compareTo(jwksMaxAge) < 0) {
            throw new IllegalStateException("satupintu.keys.publish-lead (" + keys.publishLead()
                    + ") must be at least satupintu.jwks-max-age (" + jwksMaxAge
                    + "): relying parties caching the JWKS would meet a signing key they do not know");
        }
        if (keys.retiredLifetime().compareTo(longestTokenLifetime) < 0) {
            throw new IllegalStateException("satupintu.keys.retired-lifetime (" + keys.retiredLifetime()
                    + ") must be at least the longest token lifetime (" + longestTokenLifetime
                    + ", satupintu.tokens.*): tokens would outlive the key that verifies them");
        }
        if (keys.activeLifetime().compareTo(keys.publishLead()) <= 0) {
            throw new IllegalStateException("satupintu.keys.active-lifetime (" + keys.activeLifetime()
                    + ") must be longer than satupintu.keys.publish-lead (" + keys.publishLead() + ")");
        }
        return new RotationPolicy(keys.activeLifetime(), keys.publishLead(), keys.retiredLifetime());
    }

    static Duration longest(Duration... lifetimes) {
        return Stream.of(lifetimes).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
