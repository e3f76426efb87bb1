package id.satupintu.idp.saml.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.keys.TestSamlCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The metadata endpoint's HTTP answer and its signing cache (signed once per key revision, again after a day). */
class IdpMetadataControllerTest {

    private final MovingClock clock = new MovingClock();
    private final IdpMetadataController controller = controller();

    @Test
    void metadataThenSamlMetadataMediaTypePublicMaxAgeAndEtag() {
        ResponseEntity<byte[]> response = controller.metadata(null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString("application/samlmetadata+xml");
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("max-age=3600, public");
        assertThat(response.getHeaders().getETag()).startsWith("\"");
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8))
                .contains("entityID=\"https://id.satupintu.example\"").contains("<ds:Signature");
    }

    @Test
    void metadataWhenAskedAgainWithSameKeysThenSameSignedDocument() {
        byte[] first = controller.metadata(null).getBody();
        clock.now = clock.now.plus(Duration.ofHours(23));

        assertThat(controller.metadata(null).getBody()).isSameAs(first);
    }

    @Test
    void metadataWhenADayPassedThenSignedAgainWithLaterValidUntil() {
        byte[] first = controller.metadata(null).getBody();
        clock.now = clock.now.plus(Duration.ofDays(1));

        byte[] second = controller.metadata(null).getBody();

        assertThat(second).isNotEqualTo(first);
        assertThat(new String(second, StandardCharsets.UTF_8)).contains("validUntil=\"2026-12-06T10:00:00");
    }

    @Test
    void metadataWhenIfNoneMatchCurrentEtagThenNotModifiedWithoutBody() {
        String etag = controller.metadata(null).getHeaders().getETag();

        ResponseEntity<byte[]> response = controller.metadata(etag);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(response.getBody()).isNull();
        assertThat(controller.metadata("\"other\"").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void metadataWhenSigningKeyRotatedThenSignedAgainListingTheNewCertificate() {
        TestSamlCredentials.Ring ring = TestSamlCredentials.ring();
        IdpMetadataController rotating = controller(ring.credentials());
        byte[] before = rotating.metadata(null).getBody();

        ring.rotateSigningKey();
        byte[] after = rotating.metadata(null).getBody();

        assertThat(after).isNotEqualTo(before);
        String newCertificate = java.util.Base64.getEncoder().encodeToString(encoded(
                ring.credentials().signing().orElseThrow().certificate()));
        assertThat(new String(after, StandardCharsets.UTF_8).replaceAll("\\s", "")).contains(newCertificate);
        assertThat(new String(before, StandardCharsets.UTF_8).replaceAll("\\s", "")).doesNotContain(newCertificate);
    }

    @Test
    void metadataWhenNoSamlSigningKeyThenServiceUnavailableNotUnsigned() {
        ResponseEntity<byte[]> response = controller(TestSamlCredentials.withoutKeys()).metadata(null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("60");
        assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).doesNotContain("EntityDescriptor");
    }

    private static byte[] encoded(java.security.cert.X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private IdpMetadataController controller() {
        return controller(TestSamlCredentials.shared());
    }

    private IdpMetadataController controller(id.satupintu.idp.keys.SamlCredentials credentials) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", clock);
        SatuPintuProperties properties = new SatuPintuProperties("https://id.satupintu.example", Path.of("target"),
                false, null, Duration.ofMinutes(5));
        return new IdpMetadataController(credentials, properties, Duration.ofHours(1),
                beans.getBeanProvider(Clock.class));
    }

    private static final class MovingClock extends Clock {

        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
