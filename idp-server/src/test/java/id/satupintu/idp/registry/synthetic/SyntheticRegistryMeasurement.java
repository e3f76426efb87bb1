package id.satupintu.idp.registry.synthetic;

import java.util.Locale;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;

/**
 * Prints how long the synthetic registry takes to build and how much heap its index holds, for
 * the figures in the README and the benchmark. Not a test: timings are reported, never asserted.
 *
 * <pre>
 * ./mvnw -q -pl idp-server -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime
 * java -Xmx64m -cp idp-server/target/classes:idp-server/target/test-classes:$(cat idp-server/target/runtime.classpath) \
 *     id.satupintu.idp.registry.synthetic.SyntheticRegistryMeasurement 1000000
 * </pre>
 */
public final class SyntheticRegistryMeasurement {

    private SyntheticRegistryMeasurement() {
    }

    public static void main(String[] args) {
        long size = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261128L;
        // loads the reference data, the classes and the logging before anything is measured
        SyntheticRegistry.generate(GenerationSettings.of(seed, 0));
        long heapBefore = usedHeapAfterGc();

        long started = System.nanoTime();
        SyntheticRegistry registry = SyntheticRegistry.generate(GenerationSettings.of(seed, size));
        long buildNanos = System.nanoTime() - started;
        long heapAfter = usedHeapAfterGc();

        int samples = 200_000;
        long recordNanos = 0;
        long findNanos = 0;
        int found = 0;
        for (int round = 0; round < 3; round++) {
            // the last of three rounds is reported: the first ones run while the JIT compiles
            Nik[] niks = new Nik[samples];
            long roundStart = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                niks[i] = registry.record((long) (i * (size / (double) samples))).nik();
            }
            recordNanos = System.nanoTime() - roundStart;
            roundStart = System.nanoTime();
            found = 0;
            for (Nik nik : niks) {
                RegistryRecord record = registry.find(nik).orElse(null);
                found += record != null ? 1 : 0;
            }
            findNanos = System.nanoTime() - roundStart;
        }

        System.out.printf(Locale.ROOT, "records: %,d (seed %d, %s)%n", size, seed, Runtime.version());
        System.out.printf(Locale.ROOT, "build: %.2f s%n", buildNanos / 1e9);
        System.out.printf(Locale.ROOT, "heap retained after GC: %.1f MB (index arrays %.1f MB)%n",
                (heapAfter - heapBefore) / 1e6, registry.indexFootprintBytes() / 1e6);
        System.out.printf(Locale.ROOT, "record(i): %.1f µs each over %,d samples%n", recordNanos / 1e3 / samples,
                samples);
        System.out.printf(Locale.ROOT, "find(nik): %.1f µs each, %,d of %,d found%n", findNanos / 1e3 / samples, found,
                samples);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
