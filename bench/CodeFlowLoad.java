import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the full OpenID Connect authorization-code flow, as a browser and a relying
 * party would run it against SatuPintu. JDK only; run it as a single-file program:
 *
 * <pre>java bench/CodeFlowLoad.java &lt;base-url&gt; &lt;threads&gt; &lt;seconds&gt; [warm-up-seconds]</pre>
 *
 * <p>Once at start it registers one confidential client through dynamic registration (RFC 7591),
 * authorized by an initial access token the bootstrap admin client gets with client_credentials
 * (env {@code SATUPINTU_ADMIN_CLIENT_ID}/{@code SATUPINTU_ADMIN_CLIENT_SECRET}); or it uses
 * {@code BENCH_CLIENT_ID}/{@code BENCH_CLIENT_SECRET}/{@code BENCH_REDIRECT_URI} when set.
 *
 * <p>Then each thread loops until time is up: fresh cookie jar → GET authorize (PKCE S256, state,
 * nonce) → login page → POST NIK and password → back to authorize → consent page when one appears
 * → code from the redirect to the client (never followed) → POST token with code_verifier. It
 * reports completed flows per second, p50/p90/p99 per flow and per request, and errors by kind.
 * Citizen: env {@code BENCH_NIK} (one NIK or several, comma-separated, used in turn) and
 * {@code BENCH_PASSWORD}; default the quickstart's demo citizen 3171016502900001.
 */
public final class CodeFlowLoad {

    /** One or more citizens (comma-separated NIKs, same password), used in turn by the flows. */
    static final String[] NIKS = env("BENCH_NIK", "3171016502900001").split(",");
    static final java.util.concurrent.atomic.AtomicLong FLOW_NUMBER = new java.util.concurrent.atomic.AtomicLong();
    static final String PASSWORD = env("BENCH_PASSWORD", "demo-warga-satu-pintu");
    static final String SCOPE = env("BENCH_SCOPE", "openid profile");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final SecureRandom RANDOM = new SecureRandom();

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final URI base;
    URI authorizeEndpoint;
    URI tokenEndpoint;
    String clientId;
    String clientSecret;
    String redirectUri;

    CodeFlowLoad(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/CodeFlowLoad.java <base-url> <threads> <seconds> [warm-up-seconds]");
            System.exit(64);
        }
        URI base = URI.create(args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0]);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;

        CodeFlowLoad load = new CodeFlowLoad(base);
        load.discover();
        load.obtainClient();

        // one flow alone first: a broken flow should say why, not produce a figure
        Stats probe = new Stats();
        load.runFlow(probe);
        if (probe.flowNanos.isEmpty()) {
            System.out.println("first flow failed:");
            probe.printErrors(System.out);
            System.exit(2);
        }
        StringBuilder steps = new StringBuilder();
        probe.steps.forEach((name, values) -> steps.append(steps.length() == 0 ? "" : ", ").append(name)
                .append(values.size() > 1 ? " x" + values.size() : ""));
        System.out.printf(Locale.ROOT, "first flow ok in %.0f ms (%s)%n", probe.flowNanos.get(0) / 1e6, steps);

        if (warmup > 0) {
            Stats w = load.run(threads, warmup);
            System.out.printf(Locale.ROOT, "warm-up: %d flows in %ds, %d errors%n", w.flowNanos.size(), warmup,
                    w.errorCount());
        }
        Stats stats = load.run(threads, seconds);
        stats.print(System.out, threads, seconds);
        System.exit(stats.flowNanos.isEmpty() ? 1 : 0);
    }

    // ---------------------------------------------------------------- set-up

    void discover() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(base + "/.well-known/openid-configuration")).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            fail("discovery: HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        Map<String, Object> metadata = Json.object(response.body());
        authorizeEndpoint = URI.create((String) metadata.get("authorization_endpoint"));
        tokenEndpoint = URI.create((String) metadata.get("token_endpoint"));
        Object registration = metadata.get("registration_endpoint");
        registrationEndpoint = URI.create(registration != null ? (String) registration : base + "/connect/register");
    }

    URI registrationEndpoint;

    void obtainClient() throws IOException, InterruptedException {
        if (System.getenv("BENCH_CLIENT_ID") != null) {
            clientId = System.getenv("BENCH_CLIENT_ID");
            clientSecret = env("BENCH_CLIENT_SECRET", "");
            redirectUri = env("BENCH_REDIRECT_URI", "http://127.0.0.1:9/cb");
            System.out.println("client: " + clientId + " (from BENCH_CLIENT_ID), redirect " + redirectUri);
            return;
        }
        String adminId = System.getenv("SATUPINTU_ADMIN_CLIENT_ID");
        String adminSecret = System.getenv("SATUPINTU_ADMIN_CLIENT_SECRET");
        if (adminId == null || adminSecret == null) {
            fail("set SATUPINTU_ADMIN_CLIENT_ID and SATUPINTU_ADMIN_CLIENT_SECRET (or BENCH_CLIENT_ID/SECRET)");
        }
        HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(REQUEST_TIMEOUT)
                .header("Authorization", basic(adminId, adminSecret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=client.create"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (tokenResponse.statusCode() != 200) {
            fail("initial access token (client_credentials, scope client.create): HTTP " + tokenResponse.statusCode()
                    + " " + abbreviate(tokenResponse.body()));
        }
        String initialAccessToken = (String) Json.object(tokenResponse.body()).get("access_token");
        redirectUri = "http://127.0.0.1:9/cb";
        String metadata = "{\"client_name\":\"bench\",\"agency_code\":\"demo-kependudukan\","
                + "\"redirect_uris\":[\"" + redirectUri + "\"],\"grant_types\":[\"authorization_code\"],"
                + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"" + SCOPE + "\"}";
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(registrationEndpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + initialAccessToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(metadata)).build(), HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201 && registered.statusCode() != 200) {
            fail("dynamic registration at " + registrationEndpoint + ": HTTP " + registered.statusCode() + " "
                    + abbreviate(registered.body()));
        }
        Map<String, Object> client = Json.object(registered.body());
        clientId = (String) client.get("client_id");
        clientSecret = (String) client.get("client_secret");
        if (clientId == null || clientSecret == null) {
            fail("dynamic registration returned no client_id/client_secret: " + abbreviate(registered.body()));
        }
        System.out.println("client: " + clientId + " (registered at " + registrationEndpoint + ")");
    }

    // ---------------------------------------------------------------- load

    Stats run(int threads, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Stats> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Stats stats = new Stats();
            perThread.add(stats);
            Thread worker = new Thread(() -> {
                while (!stop.get() && System.nanoTime() < deadline) {
                    runFlow(stats);
                }
            }, "flow-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Stats all = new Stats();
        perThread.forEach(all::add);
        all.elapsedNanos = System.nanoTime() - start;
        return all;
    }

    /** One complete flow with its own cookie jar; records its latency or its error. */
    void runFlow(Stats stats) {
        Browser browser = new Browser(stats);
        long start = System.nanoTime();
        try {
            String verifier = randomToken(32);
            String state = randomToken(16);
            String nonce = randomToken(16);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            URI authorize = URI.create(authorizeEndpoint + (authorizeEndpoint.getRawQuery() == null ? "?" : "&")
                    + form(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirectUri,
                            "scope", SCOPE, "state", state, "nonce", nonce, "code_challenge", challenge,
                            "code_challenge_method", "S256")));
            URI callback = browser.navigate(authorize, redirectUri);
            Map<String, String> params = query(callback);
            if (params.containsKey("error")) {
                throw new FlowError("authorize_error_" + params.get("error"),
                        params.getOrDefault("error_description", ""));
            }
            if (!state.equals(params.get("state"))) {
                throw new FlowError("state_mismatch", "expected state back");
            }
            String code = params.get("code");
            if (code == null) {
                throw new FlowError("no_code", callback.toString().replaceAll("code=[^&]*", "code=…"));
            }
            HttpResponse<String> token = browser.timed("token", HttpRequest.newBuilder(tokenEndpoint)
                    .header("Authorization", basic(clientId, clientSecret))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "code", code, "redirect_uri", redirectUri, "code_verifier", verifier)))), false);
            if (token.statusCode() != 200) {
                throw new FlowError("token_http_" + token.statusCode() + errorCode(token.body()),
                        abbreviate(token.body()));
            }
            if (!token.body().contains("\"access_token\"") || !token.body().contains("\"id_token\"")) {
                throw new FlowError("token_incomplete", "no access_token or id_token in the token response");
            }
            stats.flowNanos.add(System.nanoTime() - start);
        } catch (FlowError e) {
            stats.error(e.kind, e.getMessage());
        } catch (IOException e) {
            stats.error("io_" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.error("interrupted", "");
        } catch (RuntimeException | NoSuchAlgorithmException e) {
            stats.error("bug_" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }

    /** A cookie jar and the page-walking logic of one flow. */
    final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Stats stats;
        int logins;
        int consents;

        Browser(Stats stats) {
            this.stats = stats;
        }

        /** Follows redirects and submits login/consent forms until a redirect to {@code target}. */
        URI navigate(URI start, String target) throws IOException, InterruptedException {
            URI uri = start;
            String postBody = null;
            String step = "authorize";
            for (int hop = 0; hop < 20; hop++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT);
                if (postBody != null) {
                    request.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(postBody));
                } else {
                    request.GET();
                }
                HttpResponse<String> response = timed(step, request, true);
                int status = response.statusCode();
                if (status == 301 || status == 302 || status == 303 || status == 307) {
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw new FlowError(stepKind(step, status) + "_no_location", "");
                    }
                    URI next = uri.resolve(location);
                    if (next.toString().startsWith(target)) {
                        return next;
                    }
                    if (step.equals("login_submit") && next.getPath().endsWith("/login")) {
                        throw new FlowError("login_rejected", "redirected to " + stripQuery(next) + "?"
                                + String.valueOf(next.getRawQuery()));
                    }
                    uri = next;
                    postBody = null;
                    step = stepFor(next);
                    continue;
                }
                if (status != 200) {
                    throw new FlowError(stepKind(step, status), abbreviate(response.body()));
                }
                Form form = Form.pick(response.body(), uri, authorizeEndpoint.getPath());
                if (form == null) {
                    throw new FlowError(step + "_unexpected_page", "no login or consent form on " + stripQuery(uri)
                            + " title: " + Form.title(response.body()));
                }
                if (form.isLogin()) {
                    if (++logins > 1) {
                        throw new FlowError("login_repeated", "login form shown again at " + stripQuery(uri));
                    }
                    form.fields.put(form.loginField, NIKS[(int) (FLOW_NUMBER.getAndIncrement() % NIKS.length)].trim());
                    form.fields.put("password", PASSWORD);
                    step = "login_submit";
                } else {
                    if (++consents > 1) {
                        throw new FlowError("consent_repeated", "consent form shown again at " + stripQuery(uri));
                    }
                    step = "consent_submit";
                }
                uri = form.action;
                postBody = form.encode();
            }
            throw new FlowError("too_many_redirects", "more than 20 hops from " + stripQuery(start));
        }

        String stepFor(URI next) {
            String path = next.getPath() == null ? "" : next.getPath();
            if (path.equals(authorizeEndpoint.getPath())) {
                return "authorize";
            }
            if (path.endsWith("/login")) {
                return "login_page";
            }
            if (path.contains("consent")) {
                return "consent_page";
            }
            return "page";
        }

        HttpResponse<String> timed(String step, HttpRequest.Builder request, boolean withCookies)
                throws IOException, InterruptedException {
            request.timeout(REQUEST_TIMEOUT);
            if (withCookies && !cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                request.header("Cookie", header.toString());
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            stats.step(step, System.nanoTime() - start);
            if (withCookies) {
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String name = pair.substring(0, eq).trim();
                    String value = pair.substring(eq + 1).trim();
                    String lower = setCookie.toLowerCase(Locale.ROOT);
                    if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            return response;
        }
    }

    static String stepKind(String step, int status) {
        return step + "_http_" + status;
    }

    // ---------------------------------------------------------------- HTML forms

    /** A login or consent form found on a page: where it posts and the fields to send. */
    static final class Form {
        static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        static final Pattern CONTROL = Pattern.compile("<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
        static final Pattern ATTRIBUTE = Pattern.compile(
                "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
        static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        static final Pattern DECLINE = Pattern.compile("(?i).*(cancel|deny|reject|decline|tolak|batal).*");

        URI action;
        final Map<String, List<String>> multi = new LinkedHashMap<>();
        final Map<String, String> fields = new LinkedHashMap<>();
        String loginField;

        boolean isLogin() {
            return loginField != null;
        }

        /** The login form (has a nik/username field) or the consent form (posts to authorize). */
        static Form pick(String html, URI page, String authorizePath) {
            Matcher forms = FORM.matcher(html);
            Form consent = null;
            boolean consentHasScope = false;
            while (forms.find()) {
                Map<String, String> formAttributes = attributes(forms.group(1));
                String method = formAttributes.getOrDefault("method", "get");
                if (!method.equalsIgnoreCase("post")) {
                    continue;
                }
                Form form = new Form();
                String action = formAttributes.getOrDefault("action", "");
                form.action = action.isEmpty() ? page : page.resolve(action);
                boolean declines = false;
                String chosenButton = null;
                Matcher controls = CONTROL.matcher(forms.group(2));
                while (controls.find()) {
                    Map<String, String> a = attributes(controls.group(2));
                    String tag = controls.group(1).toLowerCase(Locale.ROOT);
                    String type = a.getOrDefault("type", tag.equals("button") ? "submit" : "text")
                            .toLowerCase(Locale.ROOT);
                    String name = a.get("name");
                    String value = a.getOrDefault("value", "");
                    if (name == null) {
                        continue;
                    }
                    switch (type) {
                        case "hidden" -> form.fields.put(name, value);
                        case "checkbox" -> form.multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                        case "radio" -> {
                            if (a.containsKey("checked")) {
                                form.fields.put(name, value);
                            }
                        }
                        case "password" -> form.fields.put(name, "");
                        case "submit" -> {
                            if (DECLINE.matcher(value + " " + name).matches()) {
                                declines = true;
                            } else if (chosenButton == null) {
                                chosenButton = name;
                                form.fields.put(name, value);
                            }
                        }
                        default -> {
                            if (name.equalsIgnoreCase("nik") || name.equalsIgnoreCase("username")) {
                                form.loginField = name;
                            }
                            form.fields.putIfAbsent(name, value);
                        }
                    }
                }
                if (form.isLogin()) {
                    return form;
                }
                boolean declineOnly = declines && chosenButton == null;
                boolean toAuthorize = form.action.getPath() != null && form.action.getPath().equals(authorizePath);
                if (toAuthorize && !declineOnly) {
                    boolean hasScope = form.multi.containsKey("scope") || form.fields.containsKey("scope");
                    if (consent == null || (hasScope && !consentHasScope)) {
                        consent = form;
                        consentHasScope = hasScope;
                    }
                }
            }
            return consent;
        }

        String encode() {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> append(body, k, v));
            multi.forEach((k, values) -> values.forEach(v -> append(body, k, v)));
            return body.toString();
        }

        static void append(StringBuilder body, String k, String v) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(enc(k)).append('=').append(enc(v));
        }

        static Map<String, String> attributes(String text) {
            Map<String, String> attributes = new HashMap<>();
            Matcher m = ATTRIBUTE.matcher(text);
            while (m.find()) {
                String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
                        : m.group(4) != null ? m.group(4) : "";
                attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
            }
            return attributes;
        }

        static String title(String html) {
            Matcher m = TITLE.matcher(html);
            return m.find() ? unescape(m.group(1).trim()) : "(none)";
        }

        static String unescape(String s) {
            if (s.indexOf('&') < 0) {
                return s;
            }
            Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String e = m.group(1);
                String r = switch (e) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> new String(Character.toChars(e.startsWith("#x")
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
                };
                m.appendReplacement(out, Matcher.quoteReplacement(r));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    // ---------------------------------------------------------------- statistics

    static final class Stats {
        final List<Long> flowNanos = new ArrayList<>();
        final Map<String, List<Long>> steps = new TreeMap<>();
        final Map<String, Integer> errors = new TreeMap<>();
        final Map<String, String> errorSamples = new HashMap<>();
        long elapsedNanos;

        void step(String name, long nanos) {
            steps.computeIfAbsent(name, n -> new ArrayList<>()).add(nanos);
        }

        void error(String kind, String sample) {
            errors.merge(kind, 1, Integer::sum);
            errorSamples.putIfAbsent(kind, sample);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        void add(Stats other) {
            flowNanos.addAll(other.flowNanos);
            other.steps.forEach((k, v) -> steps.computeIfAbsent(k, n -> new ArrayList<>()).addAll(v));
            other.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
            other.errorSamples.forEach(errorSamples::putIfAbsent);
        }

        void print(java.io.PrintStream out, int threads, int seconds) {
            double elapsed = elapsedNanos / 1e9;
            long[] flows = sorted(flowNanos);
            out.printf(Locale.ROOT, "%d threads, %ds measured (%.1fs until the last flow ended)%n", threads, seconds,
                    elapsed);
            out.printf(Locale.ROOT, "%-16s %8s %9s %9s %9s %9s%n", "request", "count", "p50 ms", "p90 ms", "p99 ms",
                    "max ms");
            steps.forEach((name, values) -> {
                long[] v = sorted(values);
                out.printf(Locale.ROOT, "%-16s %8d %9.1f %9.1f %9.1f %9.1f%n", name, v.length, ms(pct(v, 50)),
                        ms(pct(v, 90)), ms(pct(v, 99)), ms(v.length == 0 ? 0 : v[v.length - 1]));
            });
            printErrors(out);
            out.printf(Locale.ROOT,
                    "RESULT flows=%d flows_per_s=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d%n",
                    flows.length, flows.length / elapsed, ms(pct(flows, 50)), ms(pct(flows, 90)), ms(pct(flows, 99)),
                    ms(flows.length == 0 ? 0 : flows[flows.length - 1]), errorCount());
        }

        void printErrors(java.io.PrintStream out) {
            if (errors.isEmpty()) {
                out.println("errors: none");
                return;
            }
            out.println("errors by kind:");
            errors.forEach((kind, count) -> out.printf(Locale.ROOT, "  %-40s %7d  e.g. %s%n", kind, count,
                    abbreviate(errorSamples.get(kind))));
        }

        static long[] sorted(List<Long> values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        static long pct(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    static final class FlowError extends RuntimeException {
        final String kind;

        FlowError(String kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }
    }

    // ---------------------------------------------------------------- small helpers

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    static void fail(String message) {
        System.err.println("CodeFlowLoad: " + message);
        System.exit(2);
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String basic(String id, String secret) {
        // RFC 6749 §2.3.1: form-urlencode both before the Basic encoding
        return "Basic " + Base64.getEncoder().encodeToString(
                (enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> Form.append(body, k, v));
        return body.toString();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(k, v);
            }
        }
        return params;
    }

    static String stripQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    static String errorCode(String body) {
        try {
            Object error = Json.object(body).get("error");
            return error == null ? "" : "_" + error;
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** Just enough JSON for discovery, token and registration responses. */
    static final class Json {
        final String s;
        int i;

        Json(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Object value = new Json(text).value();
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("not a JSON object: " + abbreviate(text));
            }
            return (Map<String, Object>) value;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    i++;
                    skip();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        expect(':');
                        map.put(key, value());
                        skip();
                        if (s.charAt(i) == ',') {
                            i++;
                            continue;
                        }
                        expect('}');
                        return map;
                    }
                }
                case '[': {
                    List<Object> list = new ArrayList<>();
                    i++;
                    skip();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skip();
                        if (s.charAt(i) == ',') {
                            i++;
                            continue;
                        }
                        expect(']');
                        return list;
                    }
                }
                case '"':
                    return string();
                default: {
                    int start = i;
                    while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String literal = s.substring(start, i);
                    return switch (literal) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> Double.valueOf(literal);
                    };
                }
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("JSON: expected '" + c + "' at " + i);
            }
            i++;
        }
    }
}
