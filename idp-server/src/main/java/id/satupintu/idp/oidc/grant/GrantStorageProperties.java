package id.satupintu.idp.oidc.grant;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes of stored grants that are not set by a token's own expiry.
 *
 * @param inFlightLifetime how long an authorization request awaiting the citizen's consent (or a
 *        pushed authorization request's state) is kept: {@code satupintu.grants.in-flight-lifetime}
 * @param purgeInterval how often expired refresh grants and their superseded token hashes are
 *        deleted from the database: {@code satupintu.grants.purge-interval}
 */
@ConfigurationProperties("satupintu.grants")
public record GrantStorageProperties(@DefaultValue("10m") Duration inFlightLifetime,
                                     @DefaultValue("15m") Duration purgeInterval) {

    public GrantStorageProperties {
        if (inFlightLifetime.isZero() || inFlightLifetime.isNegative()) {
            throw new IllegalArgumentException("satupintu.grants.in-flight-lifetime must be positive");
        }
        if (purgeInterval.isZero() || purgeInterval.isNegative()) {
            throw new IllegalArgumentException("satupintu.grants.purge-interval must be positive");
        }
    }
}
