package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import id.satupintu.idp.saml.sp.ServiceProvider;

class NameIdPolicyResolverTest {

    private static TestServiceProvider testSp;
    private final NameIdPolicyResolver resolver = new NameIdPolicyResolver();

    @BeforeAll
    static void serviceProvider() {
        testSp = TestServiceProvider.create("nameid");
    }

    private static ServiceProvider sp(String... metadataFormats) {
        return testSp.record("kemendagri", TestServiceProvider.MetadataOptions.defaults().nameIdFormats(metadataFormats),
                ServiceProvider.Settings.defaults());
    }

    private static ValidatedAuthnRequest request(String format, String spNameQualifier) {
        return new ValidatedAuthnRequest(UUID.randomUUID(), testSp.entityId, "_r", testSp.acsUrl, null, format,
                spNameQualifier, null, List.of(), false, false, null);
    }

    @Test
    void formatForWhenEachSupportedFormatRequestedThenThatFormat() {
        for (String format : NameIdPolicyResolver.SUPPORTED) {
            assertThat(resolver.formatFor(request(format, null), sp())).isEqualTo(format);
        }
    }

    @Test
    void formatForWhenNoPolicyThenFirstSupportedFormatOfMetadata() {
        ServiceProvider sp = sp("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", NameIdPolicyResolver.TRANSIENT,
                NameIdPolicyResolver.PERSISTENT);

        assertThat(resolver.formatFor(request(null, null), sp)).isEqualTo(NameIdPolicyResolver.TRANSIENT);
    }

    @Test
    void formatForWhenNoPolicyAndMetadataListsNoneThenPersistent() {
        assertThat(resolver.formatFor(request(null, null), sp())).isEqualTo(NameIdPolicyResolver.PERSISTENT);
    }

    @Test
    void formatForWhenUnsupportedFormatThenInvalidNameIdPolicy() {
        assertThatThrownBy(() -> resolver.formatFor(
                request("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", null), sp()))
                .isInstanceOfSatisfying(SamlStatusFailure.Raised.class, raised -> {
                    assertThat(raised.failure().secondLevel()).isEqualTo(SamlStatusFailure.INVALID_NAME_ID_POLICY);
                    assertThat(raised.failure().topLevel()).isEqualTo(SamlStatusFailure.REQUESTER);
                });
    }

    @Test
    void formatForWhenSpNameQualifierIsAnotherEntityThenInvalidNameIdPolicy() {
        assertThatThrownBy(() -> resolver.formatFor(request(null, "https://affiliation.example/"), sp()))
                .isInstanceOfSatisfying(SamlStatusFailure.Raised.class, raised ->
                        assertThat(raised.failure().reason()).isEqualTo("sp_name_qualifier_not_the_sp"));
    }

    @Test
    void formatForWhenSpNameQualifierIsTheSpThenAccepted() {
        assertThat(resolver.formatFor(request(NameIdPolicyResolver.PERSISTENT, testSp.entityId), sp()))
                .isEqualTo(NameIdPolicyResolver.PERSISTENT);
    }
}
