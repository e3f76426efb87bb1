package id.satupintu.idp.citizen.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Contact-verification codes ({@code satupintu.contact.code.*}).
 *
 * @param ttl how long a code is accepted ({@code .ttl}, default 10 minutes; NIST SP 800-63B §5.1.3.2
 *            recommends no more than 10 minutes for out-of-band secrets)
 * @param maxAttempts wrong codes before the code is spent ({@code .max-attempts}, default 5)
 * @param resendInterval the least time between two sends to one account and channel
 *                       ({@code .resend-interval}, default 60 s)
 * @param maxSends codes sent per account and channel before the citizen must wait for the last to
 *                 expire ({@code .max-sends}, default 5)
 */
@ConfigurationProperties("satupintu.contact.code")
public record OneTimeCodeProperties(Duration ttl, Integer maxAttempts, Duration resendInterval, Integer maxSends) {

    public OneTimeCodeProperties {
        ttl = ttl == null ? Duration.ofMinutes(10) : ttl;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        resendInterval = resendInterval == null ? Duration.ofSeconds(60) : resendInterval;
        maxSends = maxSends == null ? 5 : maxSends;
    }
}
