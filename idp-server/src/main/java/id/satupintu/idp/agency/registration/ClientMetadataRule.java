package id.satupintu.idp.agency.registration;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;

/** One check of registration metadata; throws the RFC 7591 §3.2.2 error when the metadata breaks it. */
@FunctionalInterface
interface ClientMetadataRule {

    void check(OidcClientRegistration registration) throws OAuth2AuthenticationException;
}
