package id.satupintu.idp.saml.sp;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.saml.SamlBinding;

/**
 * A SAML service provider registered inside an agency: what its metadata says (SAML Metadata §2.4.4
 * {@code SPSSODescriptor}) plus the settings an administrator chose. Immutable; no OpenSAML types,
 * so any package may hold one.
 *
 * @param id internal id; {@link #consentKey()} and audit events use it
 * @param agencyCode the agency that owns it; also the pairwise sector of its persistent NameIDs
 * @param entityId the SP's {@code entityID}
 * @param displayName shown to citizens on the consent page ({@code mdui:DisplayName}, else the entity ID)
 * @param assertionConsumerServices ACS endpoints from metadata, HTTP-POST only are usable for responses
 * @param singleLogoutServices SLO endpoints from metadata (HTTP-Redirect and HTTP-POST)
 * @param signingCertificates certificates the SP signs requests with ({@code KeyDescriptor use="signing"} or no use)
 * @param encryptionCertificates certificates to encrypt assertions for ({@code use="encryption"} or no use)
 * @param encryptionMethods data-encryption algorithm URIs the SP's metadata lists, in its order (empty: none stated)
 * @param authnRequestsSigned the metadata's {@code AuthnRequestsSigned}
 * @param wantAssertionsSigned the metadata's {@code WantAssertionsSigned}
 * @param nameIdFormats the {@code NameIDFormat}s the metadata lists, in its order
 * @param settings what administrators chose for this SP
 * @param metadataXml the metadata document as registered (kept to re-parse and to show administrators)
 */
public record ServiceProvider(UUID id, String agencyCode, String entityId, String displayName,
                              List<Endpoint> assertionConsumerServices, List<Endpoint> singleLogoutServices,
                              List<X509Certificate> signingCertificates, List<X509Certificate> encryptionCertificates,
                              List<String> encryptionMethods, boolean authnRequestsSigned, boolean wantAssertionsSigned,
                              List<String> nameIdFormats, Settings settings, String metadataXml) {

    public ServiceProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(displayName, "displayName");
        assertionConsumerServices = List.copyOf(assertionConsumerServices);
        singleLogoutServices = List.copyOf(singleLogoutServices);
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        encryptionMethods = List.copyOf(encryptionMethods);
        nameIdFormats = List.copyOf(nameIdFormats);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(metadataXml, "metadataXml");
    }

    /** The key under which the citizen's consent for this SP is kept, beside OIDC clients' consents. */
    public String consentKey() {
        return "saml:" + id;
    }

    /** @return whether AuthnRequests must carry a valid signature: the metadata says it signs, or an administrator requires it */
    public boolean requiresSignedRequests() {
        return authnRequestsSigned || settings.requireSignedRequests();
    }

    /**
     * @return the ACS endpoint with exactly this location and binding, if the metadata lists it
     *         (SAML Profiles §4.1.4.1: the IdP must verify a requested ACS URL against metadata)
     */
    public Optional<Endpoint> assertionConsumerService(String location, SamlBinding binding) {
        return assertionConsumerServices.stream()
                .filter(e -> e.binding() == binding && e.location().equals(location))
                .findFirst();
    }

    /** @return the ACS endpoint of this {@code AssertionConsumerServiceIndex}, if listed */
    public Optional<Endpoint> assertionConsumerService(int index) {
        return assertionConsumerServices.stream().filter(e -> e.index() != null && e.index() == index).findFirst();
    }

    /**
     * @return the default HTTP-POST ACS (SAML Metadata §2.2.3: {@code isDefault="true"}, else the
     *         first without {@code isDefault="false"}, else the first)
     */
    public Optional<Endpoint> defaultAssertionConsumerService() {
        List<Endpoint> post = assertionConsumerServices.stream().filter(e -> e.binding() == SamlBinding.POST).toList();
        return post.stream().filter(e -> Boolean.TRUE.equals(e.isDefault())).findFirst()
                .or(() -> post.stream().filter(e -> e.isDefault() == null).findFirst())
                .or(() -> post.stream().min(Comparator.comparing(e -> e.index() == null ? 0 : e.index())));
    }

    /** @return the SP's SLO endpoint for a binding, if listed */
    public Optional<Endpoint> singleLogoutService(SamlBinding binding) {
        return singleLogoutServices.stream().filter(e -> e.binding() == binding).findFirst();
    }

    /**
     * An endpoint from metadata.
     *
     * @param responseLocation SLO {@code ResponseLocation}, null when responses go to {@code location}
     * @param index ACS {@code index}, null for SLO endpoints
     * @param isDefault ACS {@code isDefault}, null when the metadata does not say
     */
    public record Endpoint(SamlBinding binding, String location, String responseLocation, Integer index,
                           Boolean isDefault) {

        public Endpoint {
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(location, "location");
        }

        /** @return where responses to this endpoint go (SAML Metadata §2.2.2) */
        public String responseDestination() {
            return responseLocation != null ? responseLocation : location;
        }
    }

    /** Which parts of a SAML Response are signed (per SP; both is the default). */
    public enum SignedParts {
        RESPONSE, ASSERTION, BOTH;

        public boolean signsResponse() {
            return this != ASSERTION;
        }

        public boolean signsAssertion() {
            return this != RESPONSE;
        }
    }

    /**
     * What administrators chose for a service provider.
     *
     * @param scopes which attribute groups may be released, named as OIDC scopes ({@code profile},
     *        {@code email}, {@code phone}, {@code address}; {@code nik} only when an administrator grants it),
     *        so SAML attributes follow the same consent rules as OIDC claims
     * @param signedParts whether the response, the assertion or both are signed
     * @param encryptAssertions whether assertions are encrypted when the SP publishes an encryption certificate
     * @param requireSignedRequests require signed AuthnRequests even where the metadata does not say it signs
     * @param idpInitiatedAllowed allow unsolicited responses (IdP-initiated SSO, SAML Profiles §4.1.5)
     * @param metadataUrl where the metadata is refreshed from; null when it was uploaded
     * @param metadataRefreshInterval how often {@code metadataUrl} is fetched again
     */
    public record Settings(Set<String> scopes, SignedParts signedParts, boolean encryptAssertions,
                           boolean requireSignedRequests, boolean idpInitiatedAllowed, URI metadataUrl,
                           Duration metadataRefreshInterval) {

        public Settings {
            scopes = Set.copyOf(scopes);
            Objects.requireNonNull(signedParts, "signedParts");
        }

        /** Secure defaults: profile attributes, response and assertion signed, encryption on, no IdP-initiated SSO. */
        public static Settings defaults() {
            return new Settings(Set.of("profile"), SignedParts.BOTH, true, false, false, null, null);
        }
    }
}
