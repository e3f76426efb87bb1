package id.satupintu.idp.oidc.grant;

import java.security.Principal;

import id.satupintu.idp.session.CitizenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Drops the request details (typically {@code WebAuthenticationDetails}: the HTTP session id and client
 * address) from the citizen principal an authorization keeps. A session id is a bearer credential and
 * must not sit in Redis or the database for the life of a grant; no provider reads it back from the
 * stored principal (Spring's {@code sid} comes from the session registry at token time).
 */
final class RequestDetailsRemover {

    OAuth2Authorization withoutRequestDetails(OAuth2Authorization authorization) {
        Object principal = authorization.getAttribute(Principal.class.getName());
        if (principal instanceof CitizenAuthenticationToken citizen && citizen.getDetails() != null) {
            return OAuth2Authorization.from(authorization)
                    .attribute(Principal.class.getName(), new CitizenAuthenticationToken(citizen.getPrincipal()))
                    .build();
        }
        return authorization;
    }
}
