package id.satupintu.idp.saml.slo;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.keys.KeyRingCache;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.saml.xml.Decrypter;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;
import id.satupintu.idp.session.logout.FrontChannelLogout;
import id.satupintu.idp.session.logout.SsoLogout;

/**
 * Single Logout (SAML Profiles §4.4). The signer, verifier and decrypter are this feature's own
 * instances over the node's SAML credentials, not beans, so other SAML features keep theirs.
 */
@Configuration(proxyBeanMethods = false)
class SloConfiguration {

    @Bean
    SloChain samlSloChain(SatuPintuProperties properties, KeyRingCache keys, ServiceProviderStore serviceProviders,
                          ReplayCache replays, SsoLogout ssoLogout, AuditLog audit) {
        SamlCredentials credentials = new SamlCredentials(keys);
        SloEndpoints endpoints = SloEndpoints.of(properties);
        XmlSignatureVerifier verifier = new XmlSignatureVerifier();
        Clock clock = Clock.systemUTC();
        LogoutRequestChecks checks = new LogoutRequestChecks(verifier, new Decrypter(credentials), replays,
                endpoints.sloUrl(), clock);
        return new SloChain(endpoints, serviceProviders, checks, verifier, new XmlSigner(credentials), ssoLogout,
                audit, clock);
    }

    @Bean
    FrontChannelLogout samlFrontChannelLogout(SloChain samlSloChain) {
        return new SamlFrontChannelLogout(samlSloChain);
    }
}
