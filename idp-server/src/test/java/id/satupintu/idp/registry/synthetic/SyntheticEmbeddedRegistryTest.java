package id.satupintu.idp.registry.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;

/** The quickstart's registry: the demo records in front of a synthetic population. */
class SyntheticEmbeddedRegistryTest {

    private final SyntheticRegistry synthetic = TestSyntheticRegistries.large();
    private final EmbeddedRegistry registry = new EmbeddedRegistry(
            new CombinedRecords(new FixedRecords(DemoRegistryRecords.all()), synthetic), Clock.systemUTC());

    @Test
    void lookupWhenDemoOrSyntheticNikThenFound() {
        RegistryRecord someone = synthetic.record(4_242);

        assertThat(registry.lookup(DemoRegistryRecords.SITI.nik())).contains(DemoRegistryRecords.SITI);
        assertThat(registry.lookup(DemoRegistryRecords.HENDRA.nik())).contains(DemoRegistryRecords.HENDRA);
        assertThat(registry.lookup(someone.nik())).contains(someone);
        assertThat(registry.lookup(Nik.parse("3171016502909999"))).isEmpty();
        assertThat(registry.size()).isEqualTo(TestSyntheticRegistries.LARGE_SIZE + DemoRegistryRecords.all().size());
    }

    @Test
    void generateWhenBesideDemoRecordsThenNoDemoNikOrFamilyCardGenerated() {
        Set<String> demoNiks = new HashSet<>();
        Set<String> demoCards = new HashSet<>();
        DemoRegistryRecords.all().forEach(r -> {
            demoNiks.add(r.nik().value());
            demoCards.add(r.familyCardNumber());
        });

        assertThat(TestSyntheticRegistries.largeRecords().stream()
                .filter(r -> demoNiks.contains(r.nik().value()) || demoCards.contains(r.familyCardNumber()))).isEmpty();
        DemoRegistryRecords.all().forEach(demo -> assertThat(synthetic.find(demo.nik())).isEmpty());
    }

    @Test
    void generateWhenBesideRecordsWhoseNiksItWouldGenerateThenTheseAreSkipped() {
        GenerationSettings settings = GenerationSettings.of(11, 5_000);
        List<RegistryRecord> taken = List.of(SyntheticRegistry.generate(settings).record(10),
                SyntheticRegistry.generate(settings).record(20));

        SyntheticRegistry beside = SyntheticRegistry.generate(settings, taken);

        Set<String> niks = new HashSet<>();
        beside.stream().forEach(r -> niks.add(r.nik().value()));
        assertThat(niks).hasSize(5_000).doesNotContain(taken.get(0).nik().value(), taken.get(1).nik().value());
        assertThat(beside.record(10).fullName()).isEqualTo(taken.get(0).fullName());
        assertThat(beside.find(taken.get(0).nik())).isEmpty();
    }

    @Test
    void changeWhenSyntheticRecordThenOverlaidAndPublished() {
        RegistryRecord someone = synthetic.record(77);
        List<RegistryEvent> received = new java.util.ArrayList<>();
        registry.subscribe(received::add);

        RegistryEvent event = registry.changeName(someone.nik(), "NAMA BARU");

        assertThat(registry.lookup(someone.nik())).contains(event.record());
        assertThat(event.record().version()).isEqualTo(2);
        assertThat(received).containsExactly(event);
        assertThat(synthetic.find(someone.nik())).contains(someone);
    }

    @Test
    void combinedWhenNoSourcesThenEmpty() {
        CombinedRecords none = new CombinedRecords();

        assertThat(none.size()).isZero();
        assertThat(none.find(DemoRegistryRecords.SITI.nik())).isEmpty();
    }
}
