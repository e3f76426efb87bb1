package id.satupintu.sdk.spring;

import id.satupintu.sdk.token.VerifiedAccessToken;
import java.security.Principal;

/**
 * The caller of an API: the subject of its verified access token. For a client acting for itself
 * (client credentials) the subject is the client.
 *
 * @param token the verified token, for scopes, client id and claims
 */
public record BearerPrincipal(VerifiedAccessToken token) implements Principal {

    @Override
    public String getName() {
        return token.subject();
    }

    /** Claims can hold personal data: never printed. */
    @Override
    public String toString() {
        return "BearerPrincipal[client=" + token.clientId() + "]";
    }
}
