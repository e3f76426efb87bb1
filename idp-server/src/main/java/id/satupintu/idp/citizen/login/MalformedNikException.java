package id.satupintu.idp.citizen.login;

import org.springframework.security.core.AuthenticationException;

import id.satupintu.idp.registry.InvalidNikException;

/** The NIK typed on the login page is not a well-formed NIK; the citizen is told which rule failed. */
public class MalformedNikException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final InvalidNikException.Reason reason;

    public MalformedNikException(InvalidNikException cause) {
        super("malformed NIK: " + cause.reason(), cause);
        this.reason = cause.reason();
    }

    public InvalidNikException.Reason reason() {
        return reason;
    }
}
