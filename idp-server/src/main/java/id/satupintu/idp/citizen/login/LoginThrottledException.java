package id.satupintu.idp.citizen.login;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins (NIST SP 800-63B §5.2.2); the citizen may retry at {@link #retryAt()}. */
public class LoginThrottledException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public LoginThrottledException(Instant retryAt) {
        super("too many failed sign-ins; retry at " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
