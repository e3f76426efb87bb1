package id.satupintu.idp.saml.sp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.agency.UnknownAgencyException;
import id.satupintu.idp.saml.SamlBinding;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The registry and the store it writes, on a real database: registration, settings, metadata
 * replacement, removal, the refusals, and the cache seeing changes made by another node.
 */
abstract class ServiceProviderRegistryContract {

    @Autowired
    ServiceProviderRegistry registry;

    @Autowired
    CachedServiceProviderStore store;

    @Autowired
    ServiceProviderRecords records;

    @Autowired
    SpMetadataParser parser;

    @Autowired
    AgencyStore agencies;

    @Test
    void registerWhenMetadataValidThenFoundByEntityIdIdAndAgency() {
        String agency = TestAgencies.stored(agencies);
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.extensions = TestSpMetadata.displayNames("en", "Land Office", "id", "Kantor Pertanahan");

        ServiceProvider registered = registry.register(agency, metadata.bytes(), ServiceProvider.Settings.defaults());

        assertThat(registered.entityId()).isEqualTo(metadata.entityId);
        assertThat(registered.displayName()).isEqualTo("Kantor Pertanahan");
        ServiceProvider found = store.findByEntityId(metadata.entityId).orElseThrow();
        assertThat(found.id()).isEqualTo(registered.id());
        assertThat(found.agencyCode()).isEqualTo(agency);
        assertThat(found.defaultAssertionConsumerService().orElseThrow().location()).isEqualTo("https://sp.example/acs");
        assertThat(found.singleLogoutService(SamlBinding.REDIRECT)).isPresent();
        assertThat(found.signingCertificates()).containsExactly(TestSpMetadata.certificate());
        assertThat(found.settings()).isEqualTo(ServiceProvider.Settings.defaults());
        assertThat(store.findById(registered.id())).contains(found);
        assertThat(store.findByAgency(agency)).extracting(ServiceProvider::id).containsExactly(registered.id());
    }

    @Test
    void registerWhenEntityIdRegisteredInAnyAgencyThenDuplicate() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        registry.register(TestAgencies.stored(agencies), metadata.bytes(), null);

        assertThatThrownBy(() -> registry.register(TestAgencies.stored(agencies), metadata.bytes(), null))
                .isInstanceOf(DuplicateEntityIdException.class);
    }

    @Test
    void registerWhenAgencyUnknownThenUnknownAgencyAndNothingStored() {
        TestSpMetadata metadata = TestSpMetadata.standard();

        assertThatThrownBy(() -> registry.register(TestAgencies.uniqueCode(), metadata.bytes(), null))
                .isInstanceOf(UnknownAgencyException.class);
        assertThat(store.findByEntityId(metadata.entityId)).isEmpty();
    }

    @Test
    void registerWhenMetadataInvalidThenReasonAndNothingStored() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.endpointsOnly(TestSpMetadata.acs(TestSpMetadata.POST, "http://sp.example/acs", 0, null));

        assertThatThrownBy(() -> registry.register(TestAgencies.stored(agencies), metadata.bytes(), null))
                .isInstanceOf(InvalidMetadataException.class).hasMessageContaining("https");
        assertThat(records.findByEntityId(metadata.entityId)).isEmpty();
    }

    @Test
    void registerWhenScopeUnknownOrIntervalWithoutUrlThenInvalidSettings() {
        String agency = TestAgencies.stored(agencies);
        ServiceProvider.Settings unknownScope = new ServiceProvider.Settings(Set.of("openid"),
                ServiceProvider.SignedParts.BOTH, true, false, false, null, null);
        ServiceProvider.Settings interval = new ServiceProvider.Settings(Set.of("profile"),
                ServiceProvider.SignedParts.BOTH, true, false, false, null, Duration.ofHours(1));

        assertThatThrownBy(() -> registry.register(agency, TestSpMetadata.standard().bytes(), unknownScope))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("unknown scope openid");
        assertThatThrownBy(() -> registry.register(agency, TestSpMetadata.standard().bytes(), interval))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("metadata_url");
    }

    @Test
    void updateWhenSettingsChangedThenStoredAndVisibleAtOnce() {
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies),
                TestSpMetadata.standard().bytes(), null);
        store.findByEntityId(registered.entityId()); // cached
        ServiceProvider.Settings changed = new ServiceProvider.Settings(Set.of("profile", "email", "nik"),
                ServiceProvider.SignedParts.ASSERTION, false, true, true, null, null);

        registry.update(registered.id(), changed);

        assertThat(store.findByEntityId(registered.entityId()).orElseThrow().settings()).isEqualTo(changed);
        assertThat(records.findById(registered.id()).orElseThrow().settings()).isEqualTo(changed);
    }

    @Test
    void updateSettingsAndMetadataWhenInterleavedThenNeitherUndoesTheOther() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies), metadata.bytes(), null);
        ServiceProvider.Settings changed = new ServiceProvider.Settings(Set.of("email"),
                ServiceProvider.SignedParts.RESPONSE, false, true, false, null, null);
        String refreshed = metadata.endpointsOnly(
                TestSpMetadata.acs(TestSpMetadata.POST, "https://sp.example/refreshed", 0, null)).xml();

        // a metadata refresh read the row, then an administrator changed the settings, then the refresh wrote
        registry.update(registered.id(), changed);
        records.updateMetadata(registered.id(), "Refreshed", refreshed, java.time.Instant.now());

        ServiceProviderRecord stored = records.findById(registered.id()).orElseThrow();
        assertThat(stored.settings()).isEqualTo(changed);
        assertThat(stored.metadataXml()).isEqualTo(refreshed);
        assertThat(stored.displayName()).isEqualTo("Refreshed");
    }

    @Test
    void updateWhenUnknownIdThenUnknownServiceProvider() {
        assertThatThrownBy(() -> registry.update(UUID.randomUUID(), ServiceProvider.Settings.defaults()))
                .isInstanceOf(UnknownServiceProviderException.class);
    }

    @Test
    void replaceMetadataWhenSameEntityThenNewEndpointsServed() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies), metadata.bytes(), null);
        store.findByEntityId(metadata.entityId);
        metadata.endpointsOnly(TestSpMetadata.acs(TestSpMetadata.POST, "https://sp.example/new-acs", 1, true));

        registry.replaceMetadata(registered.id(), metadata.bytes());

        assertThat(store.findByEntityId(metadata.entityId).orElseThrow().defaultAssertionConsumerService()
                .orElseThrow().location()).isEqualTo("https://sp.example/new-acs");
    }

    @Test
    void replaceMetadataWhenOtherEntityIdThenRefusedAndOldKept() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies), metadata.bytes(), null);
        TestSpMetadata other = TestSpMetadata.standard();

        assertThatThrownBy(() -> registry.replaceMetadata(registered.id(), other.bytes()))
                .isInstanceOf(InvalidMetadataException.class).hasMessageContaining("entityID differs");
        assertThat(store.findById(registered.id()).orElseThrow().entityId()).isEqualTo(metadata.entityId);
    }

    @Test
    void replaceMetadataOrRefreshWhenUnknownThenUnknownServiceProvider() {
        assertThatThrownBy(() -> registry.replaceMetadata(UUID.randomUUID(), TestSpMetadata.standard().bytes()))
                .isInstanceOf(UnknownServiceProviderException.class);
        assertThatThrownBy(() -> registry.refresh(UUID.randomUUID()))
                .isInstanceOf(UnknownServiceProviderException.class);
    }

    @Test
    void refreshWhenRegisteredByUploadThenRefused() {
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies),
                TestSpMetadata.standard().bytes(), null);

        assertThatThrownBy(() -> registry.refresh(registered.id()))
                .isInstanceOf(InvalidMetadataException.class).hasMessageContaining("registered by upload");
    }

    @Test
    void removeWhenRegisteredThenGoneAndSecondRemoveUnknown() {
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies),
                TestSpMetadata.standard().bytes(), null);
        store.findByEntityId(registered.entityId());

        registry.remove(registered.id());

        assertThat(store.findByEntityId(registered.entityId())).isEmpty();
        assertThat(store.findById(registered.id())).isEmpty();
        assertThatThrownBy(() -> registry.remove(registered.id())).isInstanceOf(UnknownServiceProviderException.class);
    }

    @Test
    void findByEntityIdWhenAnotherNodeChangedThenVisibleAfterRevisionPoll() {
        // a second node: its own cache over the same database
        CachedServiceProviderStore otherNode = new CachedServiceProviderStore(records, parser);
        otherNode.pollRevision();
        ServiceProvider registered = registry.register(TestAgencies.stored(agencies),
                TestSpMetadata.standard().bytes(), null);
        otherNode.findByEntityId(registered.entityId());
        long revision = records.revision();

        registry.remove(registered.id());

        assertThat(records.revision()).isGreaterThan(revision);
        assertThat(otherNode.findByEntityId(registered.entityId())).as("served from memory until the poll").isPresent();
        otherNode.pollRevision();
        assertThat(otherNode.findByEntityId(registered.entityId())).isEmpty();
    }

    @Test
    void findByEntityIdWhenUnknownThenEmptyAndAbsenceCached() {
        CachedServiceProviderStore node = new CachedServiceProviderStore(records, parser);
        String unknown = TestSpMetadata.uniqueEntityId();

        assertThat(node.findByEntityId(unknown)).isEmpty();
        assertThat(node.size()).isEqualTo(1);
        assertThat(node.findByEntityId(null)).isEmpty();
    }
}
