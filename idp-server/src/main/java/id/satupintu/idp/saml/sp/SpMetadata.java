package id.satupintu.idp.saml.sp;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a service provider's metadata document says, read by {@link SpMetadataParser}: everything of
 * a {@link ServiceProvider} that comes from the SP itself rather than from administrators.
 *
 * @param validUntil the earliest {@code validUntil} of the {@code EntityDescriptor} and its
 *        {@code SPSSODescriptor} (SAML Metadata §2.3.1); null when neither states one
 */
public record SpMetadata(String entityId, String displayName,
                         List<ServiceProvider.Endpoint> assertionConsumerServices,
                         List<ServiceProvider.Endpoint> singleLogoutServices,
                         List<X509Certificate> signingCertificates, List<X509Certificate> encryptionCertificates,
                         List<String> encryptionMethods, boolean authnRequestsSigned, boolean wantAssertionsSigned,
                         List<String> nameIdFormats, Instant validUntil) {

    public SpMetadata {
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
        singleLogoutServices = List.copyOf(singleLogoutServices);
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        encryptionMethods = List.copyOf(encryptionMethods);
        nameIdFormats = List.copyOf(nameIdFormats);
    }

    /** @return the service provider these metadata describe, with the administrators' part added */
    public ServiceProvider toServiceProvider(UUID id, String agencyCode, ServiceProvider.Settings settings,
                                             String metadataXml) {
        return new ServiceProvider(id, agencyCode, entityId, displayName, assertionConsumerServices,
                singleLogoutServices, signingCertificates, encryptionCertificates, encryptionMethods,
                authnRequestsSigned, wantAssertionsSigned, nameIdFormats, settings, metadataXml);
    }
}
