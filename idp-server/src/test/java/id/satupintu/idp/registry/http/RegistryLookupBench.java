package id.satupintu.idp.registry.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.http.cache.MemoryPositiveLookupCache;
import id.satupintu.idp.registry.http.cache.PositiveLookupCache;
import id.satupintu.idp.registry.http.cache.RedisPositiveLookupCache;
import id.satupintu.idp.registry.simulator.RegistrySimulator;
import id.satupintu.idp.registry.synthetic.GenerationSettings;
import id.satupintu.idp.registry.synthetic.SyntheticRegistry;
import id.satupintu.idp.registry.simulator.TestPki;
import id.satupintu.idp.testsupport.RealStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * NIK look-ups per second through {@link HttpRegistryConnector} against the registry simulator over
 * mutual TLS, in one JVM (simulator and connector share the machine's cores). Not a test: a plain
 * {@code main}, run by {@code bench/run-registry-lookup-bench.sh} (see bench/README.md).
 *
 * <ol>
 *   <li>JIT warm-up: {@code warmup} NIKs outside the measured set, each looked up once;</li>
 *   <li>cold cache: each of {@code records} NIKs looked up exactly once (every look-up a cache miss
 *       and an HTTPS request);</li>
 *   <li>warm cache: random NIKs of the same set, all cached now, for {@code seconds}.</li>
 * </ol>
 * Cache {@code memory} or {@code redis} (a real Redis started for the run by {@link RealStores}).
 */
public final class RegistryLookupBench {

    /** The synthetic population's NIKs by index, made before any timing starts. */
    private static Nik[] niks;

    public static void main(String[] args) throws Exception {
        int records = intArg(args, 0, 20_000);
        int threads = intArg(args, 1, 8);
        int seconds = intArg(args, 2, 15);
        String cacheKind = args.length > 3 ? args[3] : "memory";
        int warmup = 3_000;

        TestPki pki = TestPki.generate();
        SyntheticRegistry population = SyntheticRegistry.generate(GenerationSettings.of(20261128L, records + warmup));
        niks = population.stream().map(RegistryRecord::nik).toArray(Nik[]::new);
        EmbeddedRegistry registry = new EmbeddedRegistry(population, Clock.systemUTC());
        PositiveLookupCache cache = switch (cacheKind) {
            case "memory" -> new MemoryPositiveLookupCache(Duration.ofMinutes(30), 1_000_000, Clock.systemUTC());
            case "redis" -> new RedisPositiveLookupCache(RealStores.redisTemplate(), Duration.ofMinutes(30));
            default -> throw new IllegalArgumentException("cache is memory or redis");
        };
        try (RegistrySimulator simulator = RegistrySimulator.start(registry, pki.serverTls(), 0)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            ResilientRegistryCalls calls = new ResilientRegistryCalls(
                    new HttpRegistryProperties.Breaker(50, 100, 50, Duration.ofSeconds(30), 3), 2, Duration.ofMillis(100));
            HttpRegistryConnector connector = new HttpRegistryConnector(new RegistryApiClient(simulator.baseUrl(),
                    pki.clientTls(), Duration.ofSeconds(5), Duration.ofSeconds(10)), calls, cache,
                    new RegistryEventListeners(), meters);
            ExecutorService pool = Executors.newFixedThreadPool(threads);

            runOnce(pool, threads, connector, records, warmup);
            double cold = runOnce(pool, threads, connector, 0, records);
            double warm = runRepeated(pool, threads, connector, records, Duration.ofSeconds(seconds));
            pool.shutdownNow();

            double hits = meters.counter("satupintu.registry.cache", "result", "hit").count();
            double misses = meters.counter("satupintu.registry.cache", "result", "miss").count();
            System.out.printf(Locale.ROOT, "cache=%s records=%d threads=%d%n", cacheKind, records, threads);
            System.out.printf(Locale.ROOT, "cold cache: %.0f look-ups/s (%d NIKs, each once)%n", cold, records);
            System.out.printf(Locale.ROOT, "warm cache: %.0f look-ups/s (%d s, random NIKs of the same set)%n",
                    warm, seconds);
            System.out.printf(Locale.ROOT, "warm/cold: %.1fx; cache hits %.0f, misses %.0f; requests at the simulator %d%n",
                    warm / cold, hits, misses, simulator.requestsReceived());
        }
        System.exit(0);
    }

    /** @return look-ups per second, each NIK of {@code [from, from + count)} once */
    private static double runOnce(ExecutorService pool, int threads, HttpRegistryConnector connector, int from,
                                  int count) throws Exception {
        AtomicLong next = new AtomicLong(from);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < from + count; i = next.getAndIncrement()) {
                    expectFound(connector, niks[(int) i]);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double runRepeated(ExecutorService pool, int threads, HttpRegistryConnector connector, int records,
                                      Duration duration) throws Exception {
        AtomicLong total = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    expectFound(connector, niks[ThreadLocalRandom.current().nextInt(records)]);
                    n++;
                }
                total.addAndGet(n);
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return total.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void expectFound(HttpRegistryConnector connector, Nik nik) {
        if (connector.lookup(nik).isEmpty()) {
            throw new IllegalStateException("no record for " + nik.masked());
        }
    }

    private static int intArg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
