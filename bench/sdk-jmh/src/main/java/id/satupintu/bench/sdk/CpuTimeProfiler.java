package id.satupintu.bench.sdk;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM (every thread: benchmark, JIT, GC) per measured operation, in µs.
 * On a machine other work shares, ops/s follows the share of the cores the run got; CPU time per
 * operation much less so. {@code 1e6 / cpu.us/op} is what one fully used core would sustain.
 * The same measure as bench/keys-jmh's profiler; a copy because the two JMH projects are built apart.
 * Use with {@code -prof id.satupintu.bench.sdk.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuNanosAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuNanosAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long operations = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        if (operations <= 0) {
            return List.of();
        }
        double microseconds = (os.getProcessCpuTime() - cpuNanosAtStart) / 1000.0 / operations;
        return List.of(new ScalarResult("cpu.us/op", microseconds, "us/op", AggregationPolicy.AVG));
    }
}
