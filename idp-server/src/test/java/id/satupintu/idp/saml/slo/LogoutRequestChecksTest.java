package id.satupintu.idp.saml.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.EncryptedID;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.RedirectSignedQuery;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.xml.Decrypter;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;

/** Each check on a service provider's LogoutRequest, with the real verifier, decrypter and replay cache. */
class LogoutRequestChecksTest {

    private static final String SLO = "https://id.satupintu.example/saml2/idp/slo";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final SloTestServiceProvider sp = new SloTestServiceProvider("cek", List.of(SamlBinding.REDIRECT), false);
    private final SamlCredentials idp = TestSamlCredentials.shared();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final LogoutRequestChecks checks = new LogoutRequestChecks(new XmlSignatureVerifier(), new Decrypter(idp),
            new MemoryReplayCache(clock), SLO, clock);

    private ServiceProvider registered(List<X509Certificate> signing) {
        return new ServiceProvider(UUID.randomUUID(), "agency", sp.entityId, "Uji", List.of(),
                List.of(new ServiceProvider.Endpoint(SamlBinding.REDIRECT, sp.sloUrl, null, null, null)), signing,
                List.of(), List.of(), false, false, List.of(), ServiceProvider.Settings.defaults(), "<md/>");
    }

    private ServiceProvider registered() {
        return registered(List.of(sp.certificate));
    }

    private LogoutRequest request() {
        LogoutRequest request = sp.logoutRequest(SLO, "pairwise-1", NameID.PERSISTENT, "_s1");
        request.setIssueInstant(new DateTime(NOW.toEpochMilli()));
        request.setNotOnOrAfter(new DateTime(NOW.plusSeconds(300).toEpochMilli()));
        return request;
    }

    /** As received over HTTP-Redirect with the SP's query signature. */
    private InboundMessage redirect(LogoutRequest request, String relayState) {
        SloTestServiceProvider.Received received = SloTestServiceProvider.fromRedirect(SLO + "?"
                + sp.redirectQuery(request, "SAMLRequest", relayState, true));
        return new InboundMessage(received.message(), SamlBinding.REDIRECT, relayState,
                new RedirectSignedQuery(received.sigAlg(), received.signature(), received.signedOctets()));
    }

    private InboundMessage posted(LogoutRequest request) {
        return new InboundMessage(request, SamlBinding.POST, null, null);
    }

    private static String refusal(Runnable check) {
        try {
            check.run();
        } catch (SloRefusal refusal) {
            return refusal.auditType();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void checkWhenRedirectSignedBySpThenNameIdReturned() {
        NameID nameId = checks.check(redirect(request(), "rs"), request(), registered());

        assertThat(nameId.getValue()).isEqualTo("pairwise-1");
    }

    @Test
    void checkWhenEnvelopedSignatureBySpThenAccepted() {
        LogoutRequest request = request();
        sp.signEnveloped(request);

        assertThat(checks.check(posted(request), request, registered()).getValue()).isEqualTo("pairwise-1");
    }

    @Test
    void checkWhenUnsignedThenUnsigned() {
        LogoutRequest request = request();

        assertThat(refusal(() -> checks.check(posted(request), request, registered()))).isEqualTo("saml.slo.unsigned");
    }

    @Test
    void checkWhenSpMetadataHasNoSigningCertificateThenRefusedEvenIfSigned() {
        LogoutRequest request = request();
        sp.signEnveloped(request);

        assertThat(refusal(() -> checks.check(posted(request), request, registered(List.of()))))
                .isEqualTo("saml.slo.unsigned");
    }

    @Test
    void checkWhenSignedByAnotherKeyThenBadSignature() {
        SloTestServiceProvider impostor = new SloTestServiceProvider("palsu", List.of(), false);
        LogoutRequest request = request();
        impostor.signEnveloped(request);

        assertThat(refusal(() -> checks.check(posted(request), request, registered()))).isEqualTo("saml.slo.bad_signature");
    }

    @Test
    void checkWhenRedirectQueryAlteredAfterSigningThenBadSignature() {
        LogoutRequest request = request();
        InboundMessage signed = redirect(request, "rs");
        byte[] octets = new String(signed.redirectSignature().signedOctets()).replace("RelayState=rs", "RelayState=xx")
                .getBytes();
        InboundMessage altered = new InboundMessage(signed.message(), SamlBinding.REDIRECT, "xx",
                new RedirectSignedQuery(signed.redirectSignature().sigAlg(), signed.redirectSignature().signature(), octets));

        assertThat(refusal(() -> checks.check(altered, request, registered()))).isEqualTo("saml.slo.bad_signature");
    }

    @Test
    void checkWhenDestinationIsAnotherIdpsThenWrongDestination() {
        LogoutRequest request = request();
        request.setDestination("https://idp.lain.example/slo");

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered())))
                .isEqualTo("saml.slo.wrong_destination");
    }

    @Test
    void checkWhenDestinationMissingThenWrongDestination() {
        LogoutRequest request = request();
        request.setDestination(null);

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered())))
                .isEqualTo("saml.slo.wrong_destination");
    }

    @Test
    void checkWhenIssuedBeyondSkewInTheFutureThenStale() {
        LogoutRequest request = request();
        request.setIssueInstant(new DateTime(NOW.plusSeconds(240).toEpochMilli()));

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered()))).isEqualTo("saml.slo.stale");
    }

    @Test
    void checkWhenIssuedLongAgoThenStale() {
        LogoutRequest request = request();
        request.setIssueInstant(new DateTime(NOW.minusSeconds(9 * 60).toEpochMilli()));
        request.setNotOnOrAfter(null);

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered()))).isEqualTo("saml.slo.stale");
    }

    @Test
    void checkWhenIssuedWithinSkewThenAccepted() {
        LogoutRequest request = request();
        request.setIssueInstant(new DateTime(NOW.plusSeconds(120).toEpochMilli()));

        assertThat(checks.check(redirect(request, null), request, registered())).isNotNull();
    }

    @Test
    void checkWhenNotOnOrAfterPassedBeyondSkewThenExpired() {
        LogoutRequest request = request();
        request.setNotOnOrAfter(new DateTime(NOW.minusSeconds(200).toEpochMilli()));

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered()))).isEqualTo("saml.slo.expired");
    }

    @Test
    void checkWhenSameIdAgainThenReplayed() {
        LogoutRequest request = request();
        checks.check(redirect(request, null), request, registered());

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered())))
                .isEqualTo("saml.slo.replayed");
    }

    @Test
    void checkWhenEncryptedIdForThisIdpThenDecryptedNameId() throws Exception {
        LogoutRequest request = request();
        request.setEncryptedID(encryptFor(idp.publishedEncryptionCertificates().get(0), request.getNameID()));
        request.setNameID(null);

        NameID nameId = checks.check(redirect(request, null), request, registered());

        assertThat(nameId.getValue()).isEqualTo("pairwise-1");
        assertThat(nameId.getFormat()).isEqualTo(NameID.PERSISTENT);
    }

    @Test
    void checkWhenEncryptedIdForAnotherKeyThenUnknownPrincipal() throws Exception {
        LogoutRequest request = request();
        request.setEncryptedID(encryptFor(TestSamlCredentials.unrelated().publishedEncryptionCertificates().get(0),
                request.getNameID()));
        request.setNameID(null);

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered())))
                .isEqualTo("saml.slo.unknown_principal");
    }

    @Test
    void checkWhenNoNameIdThenUnknownPrincipal() {
        LogoutRequest request = request();
        request.setNameID(null);

        assertThat(refusal(() -> checks.check(redirect(request, null), request, registered())))
                .isEqualTo("saml.slo.unknown_principal");
    }

    @Test
    void refusalWhenUnknownPrincipalThenSecondLevelStatusUnknownPrincipal() {
        assertThat(SloRefusal.unknownPrincipal("x").secondLevelStatus())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal");
        assertThat(SloRefusal.denied("unsigned", "x").secondLevelStatus())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
    }

    /** An SP encrypting the NameID for the IdP (SAML Core §2.2.4): AES-256-GCM, RSA-OAEP key transport. */
    private static EncryptedID encryptFor(X509Certificate recipient, NameID nameId) throws Exception {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(recipient));
        key.setAlgorithm(EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        return encrypter.encrypt(nameId);
    }
}
