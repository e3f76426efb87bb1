package id.satupintu.idp.saml.sp;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlRejectedException;
import org.joda.time.DateTime;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSBooleanValue;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.ext.saml2mdui.DisplayName;
import org.opensaml.saml.ext.saml2mdui.UIInfo;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EncryptionMethod;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Extensions;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.RoleDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;

/**
 * Reads a service provider's metadata (SAML Metadata, OASIS 2005) into {@link SpMetadata}: one
 * {@code EntityDescriptor} (§2.3.2) with exactly one {@code SPSSODescriptor} (§2.4.4) supporting the
 * SAML 2.0 protocol. The document is parsed only through {@link OpenSaml#parse} (no DTD, no external
 * entity). Every refusal is an {@link InvalidMetadataException} naming the element and the rule.
 *
 * <p>Endpoints (§2.2.2): HTTP-POST and HTTP-Redirect ones are kept, others (SOAP, Artifact, PAOS)
 * ignored; at least one HTTP-POST {@code AssertionConsumerService} is required, since responses are
 * sent only over HTTP-POST. Locations must be absolute https URLs; plain http is allowed for
 * {@code localhost} and {@code 127.0.0.1} only, which local development and the tests use.
 * Certificates come from {@code KeyDescriptor}s (§2.4.1.1) by {@code use}; a descriptor without
 * {@code use} serves both signing and encryption.
 */
@org.springframework.stereotype.Component
public final class SpMetadataParser {

    /** SAML Core §8.3.6: an entity identifier is a URI of at most 1024 characters. */
    static final int ENTITY_ID_MAX_LENGTH = 1024;

    private static final java.util.regex.Pattern DECLARED_ENCODING =
            java.util.regex.Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");

    private final Clock clock;

    public SpMetadataParser(Clock clock) {
        this.clock = clock;
    }

    public SpMetadataParser() {
        this(Clock.systemUTC());
    }

    /**
     * Parses and reads metadata an administrator supplied or a URL returned.
     *
     * @throws InvalidMetadataException when it is not acceptable, including a {@code validUntil} in the past
     */
    public SpMetadata parse(byte[] xml) {
        SpMetadata metadata = read(entityDescriptor(xml), true);
        text(xml);
        return metadata;
    }

    /**
     * Reads metadata that was accepted before and stored: the same rules except {@code validUntil},
     * which was checked on acceptance (an SP whose stored metadata has since expired is kept working
     * until an administrator or the refresher replaces it, rather than vanishing mid-session).
     */
    public SpMetadata parseStored(String xml) {
        return read(entityDescriptor(xml.getBytes(StandardCharsets.UTF_8)), false);
    }

    /**
     * @return the document as text, the form it is stored in and parsed again from
     * @throws InvalidMetadataException when it is not UTF-8 (the stored text is re-read as UTF-8, so a
     *         document declared in another encoding would not read back the same)
     */
    public static String text(byte[] xml) {
        String head = new String(xml, 0, Math.min(xml.length, 100), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher declared = DECLARED_ENCODING.matcher(head);
        if (declared.find() && !declared.group(1).equalsIgnoreCase("UTF-8")) {
            throw new InvalidMetadataException("metadata must be UTF-8 encoded, it declares " + declared.group(1));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(xml)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidMetadataException("metadata must be UTF-8 encoded");
        }
    }

    /**
     * @return the document's root, when it is an {@code EntityDescriptor}
     * @throws InvalidMetadataException otherwise (not XML, a DTD, an {@code EntitiesDescriptor}, another element)
     */
    public static EntityDescriptor entityDescriptor(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new InvalidMetadataException("metadata is empty");
        }
        XMLObject root;
        try {
            root = OpenSaml.parse(xml);
        } catch (XmlRejectedException e) {
            throw new InvalidMetadataException("metadata refused: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // OpenSAML's setters refuse some values while unmarshalling (an entityID over 1024 characters)
            throw new InvalidMetadataException("metadata refused: " + e.getMessage());
        }
        if (root instanceof EntitiesDescriptor) {
            throw new InvalidMetadataException("an EntitiesDescriptor (federation aggregate) is not accepted: "
                    + "register each service provider by its own EntityDescriptor");
        }
        if (!(root instanceof EntityDescriptor entity)) {
            throw new InvalidMetadataException("metadata root must be md:EntityDescriptor, found "
                    + root.getElementQName().getLocalPart());
        }
        return entity;
    }

    /**
     * Reads an {@code EntityDescriptor} already parsed (and, for fetched metadata, signature-checked).
     *
     * @param checkValidUntil whether a {@code validUntil} in the past refuses the metadata
     */
    public SpMetadata read(EntityDescriptor entity, boolean checkValidUntil) {
        String entityId = entityId(entity.getEntityID());
        SPSSODescriptor sp = spSsoDescriptor(entity);
        Instant validUntil = earliest(instant(entity.getValidUntil()), instant(sp.getValidUntil()));
        if (checkValidUntil && validUntil != null && !validUntil.isAfter(clock.instant())) {
            throw new InvalidMetadataException("metadata expired: validUntil " + validUntil + " is in the past");
        }
        List<ServiceProvider.Endpoint> acs = assertionConsumerServices(sp);
        List<ServiceProvider.Endpoint> slo = singleLogoutServices(sp);
        List<X509Certificate> signing = new ArrayList<>();
        List<X509Certificate> encryption = new ArrayList<>();
        Set<String> methods = new LinkedHashSet<>();
        for (KeyDescriptor key : sp.getKeyDescriptors()) {
            List<X509Certificate> certificates = certificates(key.getKeyInfo());
            UsageType use = key.getUse() == null ? UsageType.UNSPECIFIED : key.getUse();
            if (use != UsageType.ENCRYPTION) {
                signing.addAll(certificates);
            }
            if (use != UsageType.SIGNING) {
                encryption.addAll(certificates);
                for (EncryptionMethod method : key.getEncryptionMethods()) {
                    if (method.getAlgorithm() == null || method.getAlgorithm().isBlank()) {
                        throw new InvalidMetadataException("EncryptionMethod without Algorithm");
                    }
                    methods.add(method.getAlgorithm());
                }
            }
        }
        List<String> nameIdFormats = new ArrayList<>();
        for (NameIDFormat format : sp.getNameIDFormats()) {
            if (format.getFormat() == null || format.getFormat().isBlank()) {
                throw new InvalidMetadataException("empty NameIDFormat");
            }
            if (!nameIdFormats.contains(format.getFormat().strip())) {
                nameIdFormats.add(format.getFormat().strip());
            }
        }
        return new SpMetadata(entityId, displayName(sp).orElse(entityId), acs, slo, signing, encryption,
                List.copyOf(methods), Boolean.TRUE.equals(sp.isAuthnRequestsSigned()),
                Boolean.TRUE.equals(sp.getWantAssertionsSigned()), nameIdFormats, validUntil);
    }

    private static String entityId(String entityId) {
        if (entityId == null || entityId.isBlank()) {
            throw new InvalidMetadataException("EntityDescriptor has no entityID");
        }
        if (entityId.length() > ENTITY_ID_MAX_LENGTH) {
            throw new InvalidMetadataException("entityID longer than 1024 characters (SAML Core §8.3.6)");
        }
        if (!entityId.equals(entityId.strip()) || entityId.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidMetadataException("entityID must not contain whitespace");
        }
        return entityId;
    }

    private static SPSSODescriptor spSsoDescriptor(EntityDescriptor entity) {
        List<SPSSODescriptor> saml2 = new ArrayList<>();
        for (RoleDescriptor role : entity.getRoleDescriptors()) {
            if (role instanceof SPSSODescriptor sp && sp.isSupportedProtocol(SAMLConstants.SAML20P_NS)) {
                saml2.add(sp);
            }
        }
        if (saml2.isEmpty()) {
            throw new InvalidMetadataException("no SPSSODescriptor with protocolSupportEnumeration "
                    + SAMLConstants.SAML20P_NS);
        }
        if (saml2.size() > 1) {
            throw new InvalidMetadataException("more than one SPSSODescriptor supports SAML 2.0");
        }
        return saml2.get(0);
    }

    private static List<ServiceProvider.Endpoint> assertionConsumerServices(SPSSODescriptor sp) {
        List<ServiceProvider.Endpoint> endpoints = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>();
        for (AssertionConsumerService acs : sp.getAssertionConsumerServices()) {
            Optional<SamlBinding> binding = SamlBinding.fromUri(acs.getBinding());
            if (binding.isEmpty()) {
                continue; // Artifact, PAOS, ...: not spoken here, harmless to list
            }
            Integer index = acs.getIndex();
            if (index != null && !indexes.add(index)) {
                throw new InvalidMetadataException("two AssertionConsumerService elements share index " + index);
            }
            XSBooleanValue isDefault = acs.isDefaultXSBoolean();
            endpoints.add(new ServiceProvider.Endpoint(binding.get(),
                    location("AssertionConsumerService", acs.getLocation()), null, index,
                    isDefault == null ? null : isDefault.getValue()));
        }
        if (endpoints.stream().noneMatch(e -> e.binding() == SamlBinding.POST)) {
            throw new InvalidMetadataException("no AssertionConsumerService with the HTTP-POST binding "
                    + "(responses are sent only over HTTP-POST)");
        }
        return endpoints;
    }

    private static List<ServiceProvider.Endpoint> singleLogoutServices(SPSSODescriptor sp) {
        List<ServiceProvider.Endpoint> endpoints = new ArrayList<>();
        for (SingleLogoutService slo : sp.getSingleLogoutServices()) {
            Optional<SamlBinding> binding = SamlBinding.fromUri(slo.getBinding());
            if (binding.isEmpty()) {
                continue; // SOAP back-channel logout is not spoken here
            }
            String location = location("SingleLogoutService", slo.getLocation());
            String responseLocation = slo.getResponseLocation() == null
                    ? null : location("SingleLogoutService ResponseLocation", slo.getResponseLocation());
            endpoints.add(new ServiceProvider.Endpoint(binding.get(), location, responseLocation, null, null));
        }
        return endpoints;
    }

    /**
     * @return the location, when it is an absolute https URL (http only for a loopback host)
     */
    static String location(String element, String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidMetadataException(element + " has no Location");
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw new InvalidMetadataException(element + " Location is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidMetadataException(element + " Location must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidMetadataException(element + " Location must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidMetadataException(element + " Location must not carry a fragment");
        }
        boolean loopback = isLoopback(uri.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new InvalidMetadataException(element + " Location must use https (http only for localhost)");
        }
        return location;
    }

    /** @return whether a host is the local machine, where plain http is accepted for development and tests */
    public static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host);
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) {
        List<X509Certificate> certificates = new ArrayList<>();
        if (keyInfo != null) {
            for (X509Data data : keyInfo.getX509Datas()) {
                for (org.opensaml.xmlsec.signature.X509Certificate certificate : data.getX509Certificates()) {
                    if (certificate.getValue() == null) {
                        throw new InvalidMetadataException("KeyDescriptor has an empty X509Certificate");
                    }
                    try {
                        certificates.add(Pem.fromBase64(certificate.getValue()));
                    } catch (InvalidMetadataException e) {
                        throw new InvalidMetadataException("KeyDescriptor " + e.getMessage());
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new InvalidMetadataException("KeyDescriptor without an X509Certificate (only certificates are accepted)");
        }
        return certificates;
    }

    /** {@code mdui:DisplayName} (Metadata UI 1.0 §2.1.2), Indonesian first, then English, else any. */
    private static Optional<String> displayName(SPSSODescriptor sp) {
        Extensions extensions = sp.getExtensions();
        if (extensions == null) {
            return Optional.empty();
        }
        List<DisplayName> names = new ArrayList<>();
        for (XMLObject object : extensions.getUnknownXMLObjects(UIInfo.DEFAULT_ELEMENT_NAME)) {
            if (object instanceof UIInfo info) {
                names.addAll(info.getDisplayNames());
            }
        }
        for (String language : List.of("id", "en")) {
            Optional<String> name = names.stream().filter(n -> language.equalsIgnoreCase(n.getXMLLang()))
                    .map(DisplayName::getValue).filter(SpMetadataParser::usable).map(String::strip).findFirst();
            if (name.isPresent()) {
                return name;
            }
        }
        return names.stream().map(DisplayName::getValue).filter(SpMetadataParser::usable).map(String::strip).findFirst();
    }

    private static boolean usable(String name) {
        return name != null && !name.isBlank();
    }

    private static Instant instant(DateTime dateTime) {
        return dateTime == null ? null : Instant.ofEpochMilli(dateTime.getMillis());
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
