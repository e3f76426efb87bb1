package id.satupintu.idp.saml.slo;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.saml.xml.Decrypter;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;
import id.satupintu.idp.session.logout.FrontChannelLogout;
import id.satupintu.idp.session.logout.SsoLogout;

/**
 * Single Logout (SAML Profiles §4.4). The XML signer, verifier and decrypter are taken from the
 * context when declared there, else made here over the node's SAML credentials.
 */
@Configuration(proxyBeanMethods = false)
class SloConfiguration {

    @Bean
    SloChain samlSloChain(SatuPintuProperties properties, SamlCredentials credentials,
                          ServiceProviderStore serviceProviders, ReplayCache replays, SsoLogout ssoLogout, AuditLog audit,
                          ObjectProvider<XmlSigner> signer, ObjectProvider<XmlSignatureVerifier> verifiers,
                          ObjectProvider<Decrypter> decrypter, ObjectProvider<Clock> clocks) {
        SloEndpoints endpoints = SloEndpoints.of(properties);
        XmlSignatureVerifier verifier = verifiers.getIfAvailable(XmlSignatureVerifier::new);
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        LogoutRequestChecks checks = new LogoutRequestChecks(verifier,
                decrypter.getIfAvailable(() -> new Decrypter(credentials)), replays, endpoints.sloUrl(), clock);
        return new SloChain(endpoints, serviceProviders, checks, verifier,
                signer.getIfAvailable(() -> new XmlSigner(credentials)), ssoLogout, audit, clock);
    }

    @Bean
    FrontChannelLogout samlFrontChannelLogout(SloChain samlSloChain) {
        return new SamlFrontChannelLogout(samlSloChain);
    }
}
