import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Complete enrollments per second against one SatuPintu node (JDK only; see bench/README.md).
 *
 * <p>One enrollment is what a newcomer's browser does, with a fresh cookie jar each time: GET /enrol
 * (the form's CSRF token) → POST NIK, full name, birth date, KK → 302 to /enrol/password → GET it
 * (new token) → POST the password twice → 302 to /enrol/contact (account created, signed in). Each
 * enrollment consumes one registry record that has no account, read from a CSV file
 * ({@code nik,fullName,birthDate,familyCardNumber}, '#' comments); the run ends early when they run out.
 *
 * <p>Usage: {@code java EnrollmentLoad BASE_URL RECORDS_CSV THREADS DURATION_S WARMUP_S}
 */
public class EnrollmentLoad {

    /** Meets the password rule (15+ characters, not blocklisted, no personal data). */
    static final String PASSWORD = "bangku taman di bawah pohon beringin";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    record Enrollee(String nik, String fullName, String birthDate, String familyCardNumber) {
    }

    final String base;
    final ConcurrentLinkedQueue<Enrollee> records;
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger exhausted = new AtomicInteger();
    final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    EnrollmentLoad(String base, List<Enrollee> records) {
        this.base = base;
        this.records = new ConcurrentLinkedQueue<>(records);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java EnrollmentLoad BASE_URL RECORDS_CSV THREADS DURATION_S WARMUP_S");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        List<Enrollee> records = read(Path.of(args[1]));
        int threads = Integer.parseInt(args[2]);
        long duration = Long.parseLong(args[3]);
        long warmup = Long.parseLong(args[4]);
        System.out.printf("records: %d from %s%n", records.size(), args[1]);
        new EnrollmentLoad(base, records).run(threads, duration, warmup);
    }

    static List<Enrollee> read(Path file) throws IOException {
        List<Enrollee> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException("not nik,fullName,birthDate,familyCardNumber: " + line);
            }
            out.add(new Enrollee(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
        }
        return out;
    }

    void run(int threads, long durationS, long warmupS) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupS * 1_000_000_000L;
        long end = measureFrom + durationS * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger warmupCount = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong(measureFrom);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Enrollee enrollee = records.poll();
                    if (enrollee == null) {
                        exhausted.incrementAndGet();
                        return;
                    }
                    long t0 = System.nanoTime();
                    boolean ok = enrol(enrollee);
                    long t1 = System.nanoTime();
                    if (!ok) {
                        errors.incrementAndGet();
                    } else if (t0 >= measureFrom && t1 <= end) {
                        latencies.add(t1 - t0);
                        lastDone.accumulateAndGet(t1, Math::max);
                    } else if (t1 < measureFrom) {
                        warmupCount.incrementAndGet();
                    }
                }
            }, "enrol-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("warm-up: %d enrollments in %ds%n", warmupCount.get(), warmupS);
        // when the records ran out early, the rate is over the time actually measured
        long measuredEnd = exhausted.get() > 0 ? Math.min(end, lastDone.get()) : end;
        double seconds = Math.max(1e-9, (measuredEnd - measureFrom) / 1e9);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (exhausted.get() > 0) {
            System.out.printf("records ran out after %.1f s of measurement: give more records for a full run%n", seconds);
        }
        for (String e : firstErrors) {
            System.out.println("error: " + e);
        }
        System.out.printf(java.util.Locale.ROOT,
                "RESULT enrollments=%d enrollments_per_s=%.2f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d measured_s=%.1f%n",
                sorted.length, sorted.length / seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get(), seconds);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    boolean enrol(Enrollee e) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            String token = csrf(get(http, "/enrol"));
            HttpResponse<String> verified = post(http, "/enrol", "_csrf", token, "nik", e.nik(), "fullName",
                    e.fullName(), "birthDate", e.birthDate(), "familyCardNumber", e.familyCardNumber());
            expectRedirect(verified, "/enrol/password", "identity check of " + mask(e.nik()));
            token = csrf(get(http, "/enrol/password"));
            HttpResponse<String> created = post(http, "/enrol/password", "_csrf", token, "password", PASSWORD,
                    "confirmation", PASSWORD);
            expectRedirect(created, "/enrol/contact", "account creation of " + mask(e.nik()));
            return true;
        } catch (Exception ex) {
            if (firstErrors.size() < 5) {
                firstErrors.add(ex.getMessage());
            }
            return false;
        }
    }

    HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response;
    }

    HttpResponse<String> post(HttpClient http, String path, String... form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(form[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + page.uri().getPath());
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static void expectRedirect(HttpResponse<String> response, String location, String step) {
        String actual = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !actual.endsWith(location)) {
            throw new IllegalStateException(step + ": status " + response.statusCode() + ", location '" + actual + "'");
        }
    }

    static String mask(String nik) {
        return nik.length() == 16 ? nik.substring(0, 4) + "**********" + nik.substring(14) : "(malformed NIK)";
    }
}
