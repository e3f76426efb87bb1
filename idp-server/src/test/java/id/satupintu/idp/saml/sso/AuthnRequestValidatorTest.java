package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.joda.time.DateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.Issuer;

import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.RedirectSignedQuery;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;

/** Every check before an AuthnRequest may be answered, each accepted and refused. */
class AuthnRequestValidatorTest {

    private static final String SSO = "https://id.satupintu.example/saml2/idp/sso";
    private static TestServiceProvider open;
    private static TestServiceProvider signing;
    private static TestServiceProvider stranger;

    private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    private final InMemoryServiceProviders serviceProviders = new InMemoryServiceProviders();
    private final AuthnRequestValidator validator = new AuthnRequestValidator(
            new ServiceProviderResolver(serviceProviders), new RequestSignatureCheck(new XmlSignatureVerifier()),
            new IssueInstantCheck(clock, Duration.ofMinutes(3)), new DestinationCheck(SSO),
            new RequestReplayCheck(new MemoryReplayCache(clock), Duration.ofMinutes(3), Duration.ofMinutes(5)));
    private ServiceProvider openSp;
    private ServiceProvider signingSp;

    @BeforeAll
    static void serviceProviders() {
        open = TestServiceProvider.create("terbuka");
        signing = TestServiceProvider.create("bertanda");
        stranger = TestServiceProvider.create("asing");
    }

    {
        openSp = serviceProviders.add(open.record("kemendagri", TestServiceProvider.MetadataOptions.defaults(),
                ServiceProvider.Settings.defaults()));
        signingSp = serviceProviders.add(signing.record("kemendagri",
                TestServiceProvider.MetadataOptions.defaults().signedRequests(), ServiceProvider.Settings.defaults()));
    }

    private static InboundMessage post(AuthnRequest request, String relayState) {
        // as the HTTP-POST binding hands it over: parsed from the bytes sent
        AuthnRequest received = (AuthnRequest) OpenSaml.parse(OpenSaml.toXml(request).getBytes(StandardCharsets.UTF_8));
        return new InboundMessage(received, SamlBinding.POST, relayState, null);
    }

    private static InboundMessage redirect(TestServiceProvider sp, AuthnRequest request, String relayState,
                                           boolean sign) {
        AuthnRequest received = (AuthnRequest) OpenSaml.parse(OpenSaml.toXml(request).getBytes(StandardCharsets.UTF_8));
        if (!sign) {
            return new InboundMessage(received, SamlBinding.REDIRECT, relayState, null);
        }
        String query = sp.redirectQuery(request, relayState, true);
        String signedPart = query.substring(0, query.indexOf("&Signature="));
        byte[] signature = Base64.getDecoder().decode(java.net.URLDecoder.decode(
                query.substring(query.indexOf("&Signature=") + 11), StandardCharsets.UTF_8));
        return new InboundMessage(received, SamlBinding.REDIRECT, relayState, new RedirectSignedQuery(
                TestServiceProvider.RSA_SHA256, signature, signedPart.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertRefused(InboundMessage inbound, String auditType, String reason) {
        assertThatThrownBy(() -> validator.validate(inbound)).isInstanceOfSatisfying(SsoRefusal.class, refusal -> {
            assertThat(refusal.auditType()).isEqualTo(auditType);
            assertThat(refusal.reason()).contains(reason);
            assertThat(refusal.status()).isEqualTo(400);
        });
    }

    @Test
    void validateWhenUnsignedRequestFromSpThatDoesNotSignThenAcceptedWithRequestedAcs() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL(open.otherAcsUrl);
        TestServiceProvider.nameIdPolicy(request, NameIdPolicyResolver.TRANSIENT, null);
        TestServiceProvider.requestedAuthnContext(request, AuthnContextComparisonTypeEnumeration.MINIMUM,
                "urn:satupintu:loa:2");
        request.setForceAuthn(true);

        ValidatedAuthnRequest validated = validator.validate(post(request, "kembali-ke/halaman?x=1"));

        assertThat(validated.spId()).isEqualTo(openSp.id());
        assertThat(validated.requestId()).isEqualTo(request.getID());
        assertThat(validated.assertionConsumerService()).isEqualTo(open.otherAcsUrl);
        assertThat(validated.relayState()).isEqualTo("kembali-ke/halaman?x=1");
        assertThat(validated.nameIdPolicyFormat()).isEqualTo(NameIdPolicyResolver.TRANSIENT);
        assertThat(validated.authnContextComparison()).isEqualTo("minimum");
        assertThat(validated.authnContextClassRefs()).containsExactly("urn:satupintu:loa:2");
        assertThat(validated.forceAuthn()).isTrue();
        assertThat(validated.passive()).isFalse();
    }

    @Test
    void validateWhenNoAcsInRequestThenMetadataDefault() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL(null);
        request.setProtocolBinding(null);

        assertThat(validator.validate(post(request, null)).assertionConsumerService()).isEqualTo(open.acsUrl);
    }

    @Test
    void validateWhenAcsIndexListedThenThatAcs() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL(null);
        request.setAssertionConsumerServiceIndex(1);

        assertThat(validator.validate(post(request, null)).assertionConsumerService()).isEqualTo(open.otherAcsUrl);
    }

    @Test
    void validateWhenIssuerUnknownThenRefusedAsUnknownSp() {
        assertRefused(post(stranger.authnRequest(SSO), null), ServiceProviderResolver.UNKNOWN_SP, "not_registered");
    }

    @Test
    void validateWhenIssuerMissingThenRefusedAsUnknownSp() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setIssuer(null);

        assertRefused(post(request, null), ServiceProviderResolver.UNKNOWN_SP, "no_issuer");
    }

    @Test
    void validateWhenNotAnAuthnRequestThenRefusedAsMalformed() {
        LogoutRequest logout = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        logout.setID("_logout");
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(open.entityId);
        logout.setIssuer(issuer);

        assertThatThrownBy(() -> validator.validate(new InboundMessage(logout, SamlBinding.POST, null, null)))
                .isInstanceOfSatisfying(SsoRefusal.class,
                        r -> assertThat(r.auditType()).isEqualTo(AuthnRequestValidator.MALFORMED));
    }

    @Test
    void validateWhenSpRequiresSignatureAndRequestUnsignedThenRefused() {
        assertRefused(post(signing.authnRequest(SSO), null), RequestSignatureCheck.UNSIGNED, "signature_required");
        assertRefused(redirect(signing, signing.authnRequest(SSO), null, false), RequestSignatureCheck.UNSIGNED,
                "signature_required");
    }

    @Test
    void validateWhenAdministratorRequiresSignatureAndRequestUnsignedThenRefused() {
        TestServiceProvider sp = TestServiceProvider.create("wajib-tanda");
        serviceProviders.add(sp.record("kemendagri", TestServiceProvider.MetadataOptions.defaults(),
                new ServiceProvider.Settings(Set.of("profile"), ServiceProvider.SignedParts.BOTH, true, true, false,
                        null, null)));

        assertRefused(post(sp.authnRequest(SSO), null), RequestSignatureCheck.UNSIGNED, "signature_required");
    }

    @Test
    void validateWhenEnvelopedSignatureBySpKeyThenAccepted() {
        AuthnRequest request = signing.authnRequest(SSO);
        signing.signEnveloped(request);

        assertThat(validator.validate(post(request, null)).spId()).isEqualTo(signingSp.id());
    }

    @Test
    void validateWhenRedirectQuerySignatureBySpKeyThenAccepted() {
        assertThat(validator.validate(redirect(signing, signing.authnRequest(SSO), "rs", true)).relayState())
                .isEqualTo("rs");
    }

    @Test
    void validateWhenEnvelopedSignatureByAnotherKeyThenRefused() {
        AuthnRequest request = signing.authnRequest(SSO);
        stranger.signEnveloped(request);

        assertRefused(post(request, null), RequestSignatureCheck.REJECTED, "");
    }

    @Test
    void validateWhenSignaturePresentFromSpThatDoesNotSignThenStillVerified() {
        AuthnRequest request = open.authnRequest(SSO);
        stranger.signEnveloped(request);

        assertRefused(post(request, null), RequestSignatureCheck.REJECTED, "");
    }

    @Test
    void validateWhenRedirectQueryTamperedThenRefused() {
        InboundMessage signed = redirect(signing, signing.authnRequest(SSO), "rs", true);
        byte[] octets = new String(signed.redirectSignature().signedOctets(), StandardCharsets.UTF_8)
                .replace("RelayState=rs", "RelayState=rx").getBytes(StandardCharsets.UTF_8);
        InboundMessage tampered = new InboundMessage(signed.message(), SamlBinding.REDIRECT, "rx",
                new RedirectSignedQuery(signed.redirectSignature().sigAlg(), signed.redirectSignature().signature(), octets));

        assertRefused(tampered, RequestSignatureCheck.REJECTED, "");
    }

    @Test
    void validateWhenVersionNotTwoThenRefused() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setVersion(SAMLVersion.VERSION_11);

        assertRefused(post(request, null), ProtocolVersionCheck.VERSION, "version_1.1");
    }

    @Test
    void validateWhenIssueInstantOlderThanSkewThenRefusedAsExpired() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setIssueInstant(new DateTime(clock.instant().minus(Duration.ofMinutes(4)).toEpochMilli()));

        assertRefused(post(request, null), IssueInstantCheck.ISSUE_INSTANT, "expired");
    }

    @Test
    void validateWhenIssueInstantBeyondSkewInFutureThenRefused() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setIssueInstant(new DateTime(clock.instant().plus(Duration.ofMinutes(4)).toEpochMilli()));

        assertRefused(post(request, null), IssueInstantCheck.ISSUE_INSTANT, "in_future");
    }

    @Test
    void validateWhenIssueInstantWithinSkewThenAccepted() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setIssueInstant(new DateTime(clock.instant().minus(Duration.ofMinutes(2)).toEpochMilli()));

        assertThat(validator.validate(post(request, null))).isNotNull();
    }

    @Test
    void validateWhenDestinationIsAnotherEndpointThenRefused() {
        assertRefused(post(open.authnRequest("https://other-idp.example/sso"), null), DestinationCheck.DESTINATION,
                "not_this_endpoint");
    }

    @Test
    void validateWhenSignedRequestWithoutDestinationThenRefused() {
        AuthnRequest request = signing.authnRequest(null);
        signing.signEnveloped(request);

        assertRefused(post(request, null), DestinationCheck.DESTINATION, "missing_on_signed_request");
    }

    @Test
    void validateWhenUnsignedRequestWithoutDestinationThenAccepted() {
        assertThat(validator.validate(post(open.authnRequest(null), null))).isNotNull();
    }

    @Test
    void validateWhenSameIdTwiceThenSecondRefusedAsReplay() {
        AuthnRequest request = open.authnRequest(SSO);
        validator.validate(post(request, null));

        assertRefused(post(request, null), RequestReplayCheck.REPLAY, "id_seen_before");
    }

    @Test
    void validateWhenAcsUrlNotInMetadataThenRefusedAsSubstitution() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL("https://attacker.example/acs");

        assertRefused(post(request, null), AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "url_not_in_metadata");
    }

    @Test
    void validateWhenAcsUrlDiffersOnlyByTrailingCharacterThenRefused() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL(open.acsUrl + "/");

        assertRefused(post(request, null), AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "url_not_in_metadata");
    }

    @Test
    void validateWhenAcsIndexUnknownThenRefusedAsSubstitution() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL(null);
        request.setAssertionConsumerServiceIndex(7);

        assertRefused(post(request, null), AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "index_not_in_metadata");
    }

    @Test
    void validateWhenAcsIndexNamesRedirectEndpointThenRefused() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceURL(null);
        request.setAssertionConsumerServiceIndex(2);

        assertRefused(post(request, null), AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "index_not_in_metadata");
    }

    @Test
    void validateWhenAcsUrlAndIndexBothGivenThenRefused() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setAssertionConsumerServiceIndex(0);

        assertRefused(post(request, null), AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "url_and_index");
    }

    @Test
    void validateWhenProtocolBindingIsNotPostThenRefused() {
        AuthnRequest request = open.authnRequest(SSO);
        request.setProtocolBinding("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact");

        assertRefused(post(request, null), AssertionConsumerServiceResolver.ACS_SUBSTITUTION,
                "unsupported_protocol_binding");
    }

    @Test
    void validateWhenRelayStateOf81BytesThenRefused() {
        assertRefused(post(open.authnRequest(SSO), "r".repeat(81)), RelayStateCheck.RELAY_STATE, "longer_than_80_bytes");
    }

    @Test
    void validateWhenRelayStateOf80BytesThenReturnedVerbatim() {
        String relayState = "https://evil.example/" + "x".repeat(59);

        assertThat(validator.validate(post(open.authnRequest(SSO), relayState)).relayState()).isEqualTo(relayState);
    }
}
