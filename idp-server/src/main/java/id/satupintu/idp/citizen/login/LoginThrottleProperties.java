package id.satupintu.idp.citizen.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on failed sign-ins (NIST SP 800-63B §5.2.2: at most 100 consecutive failures per account).
 *
 * @param accountLimit failures per account within the window ({@code satupintu.login.throttle.account-limit}, default 100)
 * @param ipLimit failures per client address within the window ({@code .ip-limit}, default 300; raise it
 *                where many citizens share one carrier-grade NAT address)
 * @param window the rolling window ({@code .window}, default 1 hour)
 */
@ConfigurationProperties("satupintu.login.throttle")
public record LoginThrottleProperties(Integer accountLimit, Integer ipLimit, Duration window) {

    public LoginThrottleProperties {
        accountLimit = accountLimit == null ? 100 : accountLimit;
        ipLimit = ipLimit == null ? 300 : ipLimit;
        window = window == null ? Duration.ofHours(1) : window;
    }
}
