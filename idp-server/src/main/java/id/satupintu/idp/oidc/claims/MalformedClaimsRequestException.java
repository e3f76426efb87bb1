package id.satupintu.idp.oidc.claims;

/**
 * A {@code claims} parameter that is not the JSON object OIDC Core §5.5 defines; the authorization
 * endpoint answers it with {@code invalid_request} (§3.1.2.6). The message names the member and the
 * rule, never the submitted value.
 */
public class MalformedClaimsRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedClaimsRequestException(String message) {
        super(message);
    }
}
