package id.satupintu.idp.saml.sso;

import java.net.URI;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenClaimsSource;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.oidc.PairwiseSubjects;
import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.saml.xml.AssertionEncrypter;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;

/**
 * Wires Web Browser SSO. This IdP's entity ID is the issuer ({@code satupintu.issuer}), as in the
 * IdP metadata; its SSO URL, which signed requests must name as {@code Destination}, is the issuer
 * followed by {@value SamlPaths#SSO}. The XML signer, verifier and encrypter are taken from the
 * context when declared there, else made here.
 */
@Configuration(proxyBeanMethods = false)
class SamlSsoConfiguration {

    @Bean
    AuthnRequestValidator samlAuthnRequestValidator(ServiceProviderStore serviceProviders,
                                                    ObjectProvider<XmlSignatureVerifier> verifier, ReplayCache replays,
                                                    SamlSsoProperties properties, SatuPintuProperties server,
                                                    ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new AuthnRequestValidator(new ServiceProviderResolver(serviceProviders),
                new RequestSignatureCheck(verifier.getIfAvailable(XmlSignatureVerifier::new)),
                new IssueInstantCheck(time, properties.clockSkew()),
                new DestinationCheck(entityId(server) + SamlPaths.SSO),
                new RequestReplayCheck(replays, properties.clockSkew(), properties.assertionLifetime()));
    }

    @Bean
    IdpInitiatedRequests samlIdpInitiatedRequests(ServiceProviderStore serviceProviders) {
        return new IdpInitiatedRequests(serviceProviders);
    }

    @Bean
    SsoResponder samlSsoResponder(ServiceProviderStore serviceProviders, PairwiseSubjects pairwiseSubjects,
                                  CitizenClaimsSource claims, OAuth2AuthorizationConsentService consents,
                                  SamlCredentials credentials, ObjectProvider<XmlSigner> signer,
                                  ObjectProvider<AssertionEncrypter> encrypter, AuditLog audit,
                                  SamlSsoProperties properties, SatuPintuProperties server, ObjectProvider<Clock> clock) {
        String entityId = entityId(server);
        return new SsoResponder(serviceProviders, new NameIdIssuer(pairwiseSubjects, entityId), claims,
                new SamlConsents(consents), new SamlResponseFactory(entityId, properties.assertionLifetime()),
                new ResponseProtection(signer.getIfAvailable(() -> new XmlSigner(credentials)),
                        encrypter.getIfAvailable(AssertionEncrypter::new)),
                audit, clock.getIfAvailable(Clock::systemUTC), URI.create(entityId).getHost());
    }

    /** The issuer without a trailing slash, so paths append cleanly. */
    static String entityId(SatuPintuProperties server) {
        String issuer = server.issuer();
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
