package id.satupintu.idp.registry.synthetic;

import java.util.List;

import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;

/** Synthetic registries shared by the tests: building the large one takes about half a second. */
final class TestSyntheticRegistries {

    static final long SEED = 20261128L;
    static final int LARGE_SIZE = 200_000;

    private static SyntheticRegistry large;
    private static List<RegistryRecord> largeRecords;

    private TestSyntheticRegistries() {
    }

    /** 200,000 records generated beside the demo records, as the quickstart does. */
    static synchronized SyntheticRegistry large() {
        if (large == null) {
            large = SyntheticRegistry.generate(GenerationSettings.of(SEED, LARGE_SIZE), DemoRegistryRecords.all());
        }
        return large;
    }

    /** Every record of {@link #large()}, in index order. */
    static synchronized List<RegistryRecord> largeRecords() {
        if (largeRecords == null) {
            largeRecords = large().stream().toList();
        }
        return largeRecords;
    }

    static SyntheticRegistry small(long seed) {
        return SyntheticRegistry.generate(GenerationSettings.of(seed, 2_000));
    }
}
