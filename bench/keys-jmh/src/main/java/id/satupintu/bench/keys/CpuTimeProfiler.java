package id.satupintu.bench.keys;

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
 * The benchmark JVM's CPU time per operation (µs/op), each iteration: process CPU time (all its
 * threads: the benchmark's, JIT, GC) divided by the operations measured. Unlike ops/s it depends
 * much less on how much of the machine other work takes, which on a shared machine makes it the figure
 * to compare providers with; {@code 1e6 / cpu.us/op} is what one fully used core would do.
 * Use with {@code -prof id.satupintu.bench.keys.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - cpuAtStart;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.us/op", cpuNanos / 1000.0 / ops, "us/op", AggregationPolicy.AVG));
    }
}
