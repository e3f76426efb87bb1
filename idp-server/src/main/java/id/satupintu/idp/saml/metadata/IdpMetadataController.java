package id.satupintu.idp.saml.metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.xml.XmlSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the IdP metadata ({@link IdpMetadataBuilder}) at {@value SamlPaths#METADATA}, the stable URL
 * service providers configure, as {@code application/samlmetadata+xml} (SAML Metadata §4.1.1) with
 * {@code Cache-Control: public, max-age} ({@code satupintu.saml.metadata.max-age}, default 1 h, also
 * the document's {@code cacheDuration}) and an ETag.
 *
 * <p>Signing is not done per request: the signed document is kept and made again only when the SAML
 * keys it publishes change (a rotation step, on this node's key ring: the ACTIVE signing key and the
 * published certificates form the revision) or when a day has passed, so {@code validUntil} (7 days)
 * never comes close. When no SAML signing key is available yet the answer is 503, not an unsigned document.
 */
@RestController
public class IdpMetadataController {

    private static final Logger LOG = LoggerFactory.getLogger(IdpMetadataController.class);

    public static final MediaType SAML_METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

    /** A signed document is made again after this long even when no key changed, keeping validUntil far ahead. */
    static final Duration RESIGN_AFTER = Duration.ofDays(1);

    /** What the document depends on; a change of any part makes it again. */
    record KeyRevision(String activeSigningKid, List<X509Certificate> signing, List<X509Certificate> encryption) {
    }

    record Signed(KeyRevision revision, Instant signedAt, byte[] body, String etag) {
    }

    private final SamlCredentials credentials;
    private final IdpMetadataBuilder builder;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Signed current;

    public IdpMetadataController(SamlCredentials credentials, SatuPintuProperties properties,
                                 @Value("${satupintu.saml.metadata.max-age:1h}") Duration maxAge,
                                 ObjectProvider<Clock> clock) {
        this.credentials = credentials;
        this.builder = new IdpMetadataBuilder(properties.issuer(), new XmlSigner(credentials));
        this.maxAge = maxAge;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(SamlPaths.METADATA)
    public ResponseEntity<byte[]> metadata(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Optional<Signed> signed = signed();
        if (signed.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("SAML signing key not available yet".getBytes(StandardCharsets.UTF_8));
        }
        Signed document = signed.get();
        CacheControl cache = CacheControl.maxAge(maxAge).cachePublic();
        if (document.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(document.etag()).build();
        }
        return ResponseEntity.ok().contentType(SAML_METADATA).cacheControl(cache).eTag(document.etag())
                .header("Content-Disposition", "inline; filename=\"satupintu-idp-metadata.xml\"")
                .body(document.body());
    }

    /** @return the signed document for the current keys, made now when they changed or it is a day old */
    Optional<Signed> signed() {
        KeyRevision revision = revision();
        if (revision == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Signed cached = current;
        if (cached != null && cached.revision().equals(revision) && cached.signedAt().plus(RESIGN_AFTER).isAfter(now)) {
            return Optional.of(cached);
        }
        synchronized (this) {
            cached = current;
            if (cached != null && cached.revision().equals(revision) && cached.signedAt().plus(RESIGN_AFTER).isAfter(now)) {
                return Optional.of(cached);
            }
            try {
                byte[] body = builder.build(revision.signing(), revision.encryption(), now, maxAge)
                        .getBytes(StandardCharsets.UTF_8);
                current = new Signed(revision, now, body, etag(body));
                return Optional.of(current);
            } catch (IllegalStateException e) {
                LOG.warn("IdP metadata not signed: {}", e.getMessage());
                return Optional.empty();
            }
        }
    }

    private KeyRevision revision() {
        return credentials.signing()
                .map(active -> new KeyRevision(active.kid(), credentials.publishedSigningCertificates(),
                        credentials.publishedEncryptionCertificates()))
                .orElse(null);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
