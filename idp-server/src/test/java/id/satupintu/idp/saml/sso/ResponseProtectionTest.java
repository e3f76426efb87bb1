package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProvider.SignedParts;
import id.satupintu.idp.saml.xml.AssertionEncrypter;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlSigner;

/** Signing and encryption per SP, in the order SAML needs, and the refusal when no key can sign. */
class ResponseProtectionTest {

    private static TestServiceProvider testSp;
    private static SamlCredentials credentials;

    private final SamlResponseFactory factory = new SamlResponseFactory("https://id.satupintu.example", Duration.ofMinutes(5));

    @BeforeAll
    static void keys() {
        testSp = TestServiceProvider.create("lindung");
        credentials = TestSamlCredentials.shared();
    }

    private static ServiceProvider sp(SignedParts parts, boolean encrypt) {
        return testSp.record("kemendagri", encrypt ? TestServiceProvider.MetadataOptions.defaults()
                        : TestServiceProvider.MetadataOptions.defaults().withoutEncryption(),
                new ServiceProvider.Settings(Set.of(), parts, encrypt, false, false, null, null));
    }

    private Response protect(SamlCredentials keys, ServiceProvider sp) {
        ValidatedAuthnRequest request = new ValidatedAuthnRequest(sp.id(), sp.entityId(), "_r", testSp.acsUrl, null,
                null, null, null, List.of(), false, false, null);
        Instant now = Instant.now();
        Assertion assertion = factory.assertion(new AssertionContent(new SubjectName("subjek", NameIdPolicyResolver.PERSISTENT,
                "https://id.satupintu.example", sp.entityId()), now, "_s", "urn:satupintu:loa:2", List.of()), request, now);
        Response protectedResponse = new ResponseProtection(new XmlSigner(keys), new AssertionEncrypter())
                .protect(factory.success(request, now), assertion, sp);
        // as the SP receives it: serialised and parsed again
        return (Response) OpenSaml.parse(OpenSaml.toXml(protectedResponse).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void protectWhenBothThenResponseAndAssertionSigned() {
        Response response = protect(credentials, sp(SignedParts.BOTH, false));

        TestServiceProvider.verify(response, credentials.signing().orElseThrow().certificate());
        TestServiceProvider.verify(response.getAssertions().get(0), credentials.signing().orElseThrow().certificate());
    }

    @Test
    void protectWhenResponseOnlyThenAssertionUnsigned() {
        Response response = protect(credentials, sp(SignedParts.RESPONSE, false));

        assertThat(response.isSigned()).isTrue();
        assertThat(response.getAssertions().get(0).isSigned()).isFalse();
    }

    @Test
    void protectWhenEncryptingThenSignedAssertionInsideEncryptedOne() {
        Response response = protect(credentials, sp(SignedParts.ASSERTION, true));

        assertThat(response.isSigned()).isFalse();
        assertThat(response.getAssertions()).isEmpty();
        Assertion decrypted = testSp.decrypt(response.getEncryptedAssertions().get(0));
        TestServiceProvider.verify(decrypted, credentials.signing().orElseThrow().certificate());
    }

    @Test
    void protectWhenNoSigningKeyThenRefusedWithUnavailablePage() {
        assertThatThrownBy(() -> protect(TestSamlCredentials.withoutKeys(), sp(SignedParts.BOTH, false)))
                .isInstanceOfSatisfying(SsoRefusal.class, refusal -> {
                    assertThat(refusal.auditType()).isEqualTo(ResponseProtection.SIGNING_UNAVAILABLE);
                    assertThat(refusal.status()).isEqualTo(503);
                    assertThat(refusal.messageKey()).isEqualTo("saml.error.unavailable");
                });
    }

    @Test
    void newIdWhenCalledTwiceThenDistinctNcNamesOf160Bits() {
        assertThat(SamlIds.newId()).matches("_[0-9a-f]{40}").isNotEqualTo(SamlIds.newId());
    }
}
