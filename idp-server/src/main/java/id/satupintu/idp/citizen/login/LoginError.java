package id.satupintu.idp.citizen.login;

import java.io.Serializable;
import java.time.Instant;

/**
 * What went wrong with the last sign-in, carried in the session from the failure handler to the
 * next rendering of the login page (post/redirect/get). Holds a message key, never the input.
 *
 * @param retryAt when a throttled citizen may try again, else null
 */
public record LoginError(String messageKey, Instant retryAt) implements Serializable {

    static final String SESSION_ATTRIBUTE = LoginError.class.getName();

    static final String CREDENTIALS = "login.error.credentials";
    static final String THROTTLED = "login.error.throttled";
    static final String DISABLED = "login.error.disabled";
}
