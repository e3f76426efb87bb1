package id.satupintu.idp.oidc.logout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of back-channel logout tokens (OIDC Back-Channel Logout 1.0 §2.5).
 *
 * @param attempts tries per client before giving up ({@code satupintu.logout.backchannel.attempts}, default 3)
 * @param backoff wait before the second try, doubled before each later one ({@code .backoff}, default 1s)
 * @param timeout connect and response timeout of one try ({@code .timeout}, default 5s)
 * @param threads senders working in parallel on this node ({@code .threads}, default 4)
 */
@ConfigurationProperties("satupintu.logout.backchannel")
public record BackChannelLogoutProperties(Integer attempts, Duration backoff, Duration timeout, Integer threads) {

    public BackChannelLogoutProperties {
        attempts = attempts == null ? 3 : attempts;
        backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        threads = threads == null ? 4 : threads;
    }

    /** @return how long to wait before try number {@code attempt} (2, 3, ...) */
    Duration delayBefore(int attempt) {
        return backoff.multipliedBy(1L << Math.max(0, attempt - 2));
    }
}
