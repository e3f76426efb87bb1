package id.satupintu.idp.saml.sp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Registration by metadata URL and its refreshes, over a real local HTTP server: signed metadata is
 * accepted; unsigned, wrongly signed, tampered, expired, redirected, oversized and missing metadata
 * are refused with their reason; a refused refresh keeps the last good metadata and records why.
 */
@SpringBootTest(properties = {
        "satupintu.demo-data=false",
        "satupintu.saml.metadata-refresh.poll=3600000",
        "spring.datasource.url=jdbc:h2:mem:saml-sp-contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
public class MetadataUrlRefreshTest {

    /** The SP's metadata-signing key: unrelated to anything else in the test. */
    private static final SamlCredentials SP_KEYS = TestSamlCredentials.unrelated();
    private static final X509Certificate SP_SIGNER = SP_KEYS.publishedSigningCertificates().get(0);

    @Autowired
    ServiceProviderRegistry registry;

    @Autowired
    ServiceProviderStore store;

    @Autowired
    ServiceProviderRecords records;

    @Autowired
    MetadataRefreshScheduler scheduler;

    @Autowired
    AgencyStore agencies;

    @Autowired
    AuditLog audit;

    private final MetadataServer server = new MetadataServer();
    private final String agency = TestAgencies.uniqueCode();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registerFromUrlWhenSignedByRegisteredCertificateThenRegisteredWithRefreshState() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        server.serve("/md", MetadataServer.Answer.ok(signed(metadata.xml(), SP_KEYS)));

        ServiceProvider sp = registry.registerFromUrl(agency(), server.url("/md"), SP_SIGNER, null);

        assertThat(sp.entityId()).isEqualTo(metadata.entityId);
        assertThat(sp.settings().metadataUrl()).isEqualTo(server.url("/md"));
        assertThat(sp.settings().metadataRefreshInterval()).isEqualTo(Duration.ofHours(1));
        ServiceProviderRecord record = registry.record(sp.id());
        assertThat(record.lastRefreshedAt()).isNotNull();
        assertThat(record.lastRefreshError()).isNull();
        assertThat(record.nextRefreshAt()).isEqualTo(record.lastRefreshedAt().plus(Duration.ofHours(1)));
        assertThat(record.metadataSigningCertificate()).isEqualTo(SP_SIGNER);
        assertThat(store.findByEntityId(metadata.entityId)).isPresent();
    }

    @Test
    void registerFromUrlWhenUnsignedThenRefusedAndNothingStored() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        server.serve("/md", MetadataServer.Answer.ok(metadata.xml()));

        refused(server.url("/md")).hasMessageStartingWith("metadata signature refused");
        assertThat(records.findByEntityId(metadata.entityId)).isEmpty();
    }

    @Test
    void registerFromUrlWhenSignedByAnotherKeyThenRefused() {
        server.serve("/md", MetadataServer.Answer.ok(signed(TestSpMetadata.standard().xml(), TestSamlCredentials.shared())));

        refused(server.url("/md")).hasMessageStartingWith("metadata signature refused");
    }

    @Test
    void registerFromUrlWhenTamperedAfterSigningThenRefused() {
        String signed = signed(TestSpMetadata.standard().xml(), SP_KEYS);
        String tampered = signed.replace("https://sp.example/acs", "https://attacker.example/acs");
        assertThat(tampered).isNotEqualTo(signed);
        server.serve("/md", MetadataServer.Answer.ok(tampered));

        refused(server.url("/md")).hasMessageStartingWith("metadata signature refused");
    }

    @Test
    void registerFromUrlWhenSignedButExpiredThenRefused() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.rootAttributes = " validUntil=\"2020-01-01T00:00:00Z\"";
        server.serve("/md", MetadataServer.Answer.ok(signed(metadata.xml(), SP_KEYS)));

        refused(server.url("/md")).hasMessageContaining("metadata expired");
    }

    @Test
    void registerFromUrlWhenRedirectedThenNotFollowed() {
        server.serve("/md", MetadataServer.Answer.ok(signed(TestSpMetadata.standard().xml(), SP_KEYS)));
        server.serve("/moved", new MetadataServer.Answer(302, new byte[0], server.url("/md").toString()));

        refused(server.url("/moved")).hasMessage("metadata URL answered HTTP 302 (redirects are not followed)");
        assertThat(server.requests).hasValue(1);
    }

    @Test
    void registerFromUrlWhenNotFoundOrTooLargeOrUnreachableThenRefused() {
        server.serve("/big", new MetadataServer.Answer(200, new byte[MetadataFetcher.MAX_BYTES + 1], null));

        refused(server.url("/missing")).hasMessage("metadata URL answered HTTP 404");
        refused(server.url("/big")).hasMessage("metadata larger than 1 MiB");
        refused(URI.create("http://127.0.0.1:1/md")).hasMessageStartingWith("metadata URL unreachable");
    }

    @Test
    void fetchWhenBodyTrickledBeyondTheDownloadTimeoutThenRefusedInTime() {
        String signed = signed(TestSpMetadata.standard().xml(), SP_KEYS);
        server.serve("/slow", new MetadataServer.Answer(200, signed.getBytes(StandardCharsets.UTF_8), null, true));
        MetadataFetcher impatient = new MetadataFetcher(new SpMetadataParser(), Duration.ofSeconds(1));
        long started = System.nanoTime();

        assertThatThrownBy(() -> impatient.fetch(server.url("/slow"), SP_SIGNER))
                .isInstanceOf(InvalidMetadataException.class).hasMessage("metadata download took longer than 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void registerFromUrlWhenNotHttpsOrNoSignerOrShortIntervalThenRefusedBeforeFetching() {
        ServiceProvider.Settings everyMinute = new ServiceProvider.Settings(Set.of("profile"),
                ServiceProvider.SignedParts.BOTH, true, false, false, null, Duration.ofMinutes(1));

        refused(URI.create("http://sp.example/md")).hasMessageContaining("https");
        refused(URI.create("https://user@sp.example/md")).hasMessageContaining("user information");
        assertThatThrownBy(() -> registry.registerFromUrl(agency(), server.url("/md"), null, null))
                .isInstanceOf(InvalidMetadataException.class).hasMessageContaining("metadata_signing_certificate");
        assertThatThrownBy(() -> registry.registerFromUrl(agency(), server.url("/md"), SP_SIGNER, everyMinute))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("PT5M");
        assertThat(server.requests).hasValue(0);
    }

    @Test
    void refreshWhenTamperedThenLastGoodKeptErrorRecordedAndAudited() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        String good = signed(metadata.xml(), SP_KEYS);
        server.serve("/md", MetadataServer.Answer.ok(good));
        ServiceProvider sp = registry.registerFromUrl(agency(), server.url("/md"), SP_SIGNER, null);
        Instant lastGood = registry.record(sp.id()).lastRefreshedAt();
        server.serve("/md", MetadataServer.Answer.ok(good.replace("https://sp.example/acs", "https://attacker.example/acs")));

        assertThatThrownBy(() -> registry.refresh(sp.id())).isInstanceOf(InvalidMetadataException.class);

        ServiceProvider served = store.findById(sp.id()).orElseThrow();
        assertThat(served.defaultAssertionConsumerService().orElseThrow().location()).isEqualTo("https://sp.example/acs");
        ServiceProviderRecord record = registry.record(sp.id());
        assertThat(record.lastRefreshError()).startsWith("metadata signature refused");
        assertThat(record.lastRefreshedAt()).isEqualTo(lastGood);
        assertThat(record.metadataXml()).isEqualTo(good);
        assertThat(record.nextRefreshAt()).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
        AuditEvent rejected = audit.recent(ServiceProviderRegistry.AUDIT_REFRESH_REJECTED, 1).get(0);
        assertThat(rejected.outcome()).isEqualTo("failure");
        assertThat(rejected.clientId()).isEqualTo(metadata.entityId);
        assertThat(rejected.detail()).containsEntry("service_provider", sp.id().toString());
    }

    @Test
    void refreshWhenNewSignedMetadataThenServedErrorClearedAndAudited() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        server.serve("/md", MetadataServer.Answer.ok(signed(metadata.xml(), SP_KEYS)));
        ServiceProvider sp = registry.registerFromUrl(agency(), server.url("/md"), SP_SIGNER, null);
        server.serve("/md", new MetadataServer.Answer(500, new byte[0], null));
        assertThatThrownBy(() -> registry.refresh(sp.id())).hasMessage("metadata URL answered HTTP 500");
        metadata.endpointsOnly(TestSpMetadata.acs(TestSpMetadata.POST, "https://sp.example/acs-v2", 0, null));
        server.serve("/md", MetadataServer.Answer.ok(signed(metadata.xml(), SP_KEYS)));

        registry.refresh(sp.id());

        assertThat(store.findById(sp.id()).orElseThrow().defaultAssertionConsumerService().orElseThrow().location())
                .isEqualTo("https://sp.example/acs-v2");
        assertThat(registry.record(sp.id()).lastRefreshError()).isNull();
        AuditEvent refreshed = audit.recent(ServiceProviderRegistry.AUDIT_REFRESHED, 1).get(0);
        assertThat(refreshed.detail()).containsEntry("service_provider", sp.id().toString()).containsEntry("changed", "true");
    }

    @Test
    void refreshWhenSameDocumentThenRevisionUnchanged() {
        server.serve("/md", MetadataServer.Answer.ok(signed(TestSpMetadata.standard().xml(), SP_KEYS)));
        ServiceProvider sp = registry.registerFromUrl(agency(), server.url("/md"), SP_SIGNER, null);
        long revision = records.revision();

        registry.refresh(sp.id());

        assertThat(records.revision()).isEqualTo(revision);
        assertThat(audit.recent(ServiceProviderRegistry.AUDIT_REFRESHED, 1).get(0).detail()).containsEntry("changed", "false");
    }

    @Test
    void schedulerWhenRefreshDueThenFetchedAndWhenNotDueThenLeftAlone() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        server.serve("/md", MetadataServer.Answer.ok(signed(metadata.xml(), SP_KEYS)));
        ServiceProvider sp = registry.registerFromUrl(agency(), server.url("/md"), SP_SIGNER, null);
        int fetches = server.requests.get();
        scheduler.runOnce();
        assertThat(server.requests).as("not due for an hour").hasValue(fetches);
        metadata.endpointsOnly(TestSpMetadata.acs(TestSpMetadata.POST, "https://sp.example/acs-scheduled", 0, null));
        server.serve("/md", MetadataServer.Answer.ok(signed(metadata.xml(), SP_KEYS)));
        ServiceProviderRecord record = registry.record(sp.id());
        records.recordRefresh(sp.id(), record.lastRefreshedAt(), null, Instant.now().minusSeconds(1));

        assertThat(scheduler.runOnce()).isGreaterThanOrEqualTo(1);

        assertThat(store.findById(sp.id()).orElseThrow().defaultAssertionConsumerService().orElseThrow().location())
                .isEqualTo("https://sp.example/acs-scheduled");
        assertThat(registry.record(sp.id()).nextRefreshAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refused(URI url) {
        return assertThatThrownBy(() -> registry.registerFromUrl(agency(), url, SP_SIGNER, null))
                .isInstanceOf(InvalidMetadataException.class);
    }

    private String agency() {
        agencies.ensureExists(agency, "Agency " + agency);
        return agency;
    }

    /** @return the metadata with an enveloped signature by the ACTIVE signing key of {@code keys} */
    public static String signed(String xml, SamlCredentials keys) {
        EntityDescriptor entity = (EntityDescriptor) OpenSaml.parse(xml.getBytes(StandardCharsets.UTF_8));
        new XmlSigner(keys).sign(entity);
        return OpenSaml.toXml(entity);
    }
}
