package id.satupintu.idp.agency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetimes of every client ({@code satupintu.tokens.*}), checked at start-up against the
 * bounds the specifications recommend, so a typo cannot make codes or access tokens long-lived.
 *
 * @param authorizationCode at most 10 minutes (RFC 6749 §4.1.2); default 60 s
 * @param accessToken self-contained JWTs cannot be recalled cheaply: 1 minute to 1 hour; default 10 min
 * @param refreshToken longer than the access token; rotation on every use bounds what a stolen one
 *        is worth (RFC 9700 §4.14.2); default 8 hours
 */
@ConfigurationProperties("satupintu.tokens")
public record TokenLifetimes(
        @DefaultValue("60s") Duration authorizationCode,
        @DefaultValue("10m") Duration accessToken,
        @DefaultValue("8h") Duration refreshToken) {

    /** The lifetimes used when nothing is configured. */
    public static final TokenLifetimes DEFAULTS =
            new TokenLifetimes(Duration.ofSeconds(60), Duration.ofMinutes(10), Duration.ofHours(8));

    public TokenLifetimes {
        require(authorizationCode, Duration.ofSeconds(1), Duration.ofMinutes(10), "authorization-code");
        require(accessToken, Duration.ofMinutes(1), Duration.ofHours(1), "access-token");
        if (refreshToken == null || refreshToken.compareTo(accessToken) <= 0) {
            throw new IllegalArgumentException("satupintu.tokens.refresh-token must be longer than the access token");
        }
    }

    private static void require(Duration value, Duration min, Duration max, String name) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("satupintu.tokens." + name + " must be between " + min + " and " + max
                    + ", was " + value);
        }
    }
}
