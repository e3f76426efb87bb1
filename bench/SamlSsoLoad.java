import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

/**
 * Load driver for SAML single sign-on responses to a citizen who is already signed in: what an
 * IdP spends on each SP-initiated SSO once the password has been checked. JDK only; run it as a
 * single-file program:
 *
 * <pre>java bench/SamlSsoLoad.java &lt;base-url&gt; &lt;threads&gt; &lt;seconds&gt; [warm-up-seconds]</pre>
 *
 * <p>Set-up: an admin token (client_credentials, scope {@code agency.admin}, env
 * {@code SATUPINTU_ADMIN_CLIENT_ID}/{@code SATUPINTU_ADMIN_CLIENT_SECRET}), then two SAML service
 * providers registered by metadata through {@code POST /admin/agencies/demo-kependudukan/saml-service-providers}:
 * one without an encryption certificate (responses signed) and one with the certificate of
 * {@code BENCH_ENC_CERT} (a PEM file; responses signed and the assertion encrypted). Each thread
 * then signs the demo citizen in once in its own cookie jar (SSO → login page → NIK and password →
 * consent when asked) for each SP.
 *
 * <p>Measured, for each SP in turn: each thread loops sending a fresh unsigned AuthnRequest over
 * HTTP-Redirect (SAML Bindings §3.4: DEFLATE, base64, URL-encoded) with its session cookie and
 * reads the page with the auto-POST form: its action must be the SP's ACS and its SAMLResponse a
 * Response with status Success, a signature and, for the second SP, an EncryptedAssertion. The
 * driver does not verify signatures: it measures the IdP, and the conformance tests verify with
 * pysaml2 and xmlsec1. Reports responses/s and p50/p90/p99 latency per SP.
 */
public final class SamlSsoLoad {

    static final String NIK = env("BENCH_NIK", "3171016502900001");
    static final String PASSWORD = env("BENCH_PASSWORD", "demo-warga-satu-pintu");
    static final String AGENCY = env("BENCH_AGENCY", "demo-kependudukan");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final SecureRandom RANDOM = new SecureRandom();
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    static final Pattern INPUT = Pattern.compile("<(?:input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    static final Pattern ATTRIBUTE = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    static final Pattern APPROVE = Pattern.compile("(?i)\\b(approve|allow|accept|setuju|izinkan)\\b");
    /** Marker for {@link #form}: a form with a button that approves (the SAML consent page's {@code decision=approve}). */
    static final String APPROVING_BUTTON = "@approve";
    static final Pattern STATUS = Pattern.compile("StatusCode\\b[^>]*Value=\"([^\"]+)\"");

    /** A service provider the driver registered: where its responses go and what they must contain. */
    record Sp(String label, String entityId, String acs, boolean encrypted) {
    }

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final URI base;
    final URI sso;

    SamlSsoLoad(URI base) {
        this.base = base;
        this.sso = URI.create(base + "/saml2/idp/sso");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/SamlSsoLoad.java <base-url> <threads> <seconds> [warm-up-seconds]");
            System.exit(64);
        }
        URI base = URI.create(args[0].replaceAll("/$", ""));
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        SamlSsoLoad load = new SamlSsoLoad(base);

        String token = load.adminToken();
        List<Sp> sps = new ArrayList<>();
        sps.add(load.register(token, "signed", null));
        String encCert = System.getenv("BENCH_ENC_CERT");
        if (encCert != null && !encCert.isBlank()) {
            sps.add(load.register(token, "signed+encrypted", pemBody(Files.readString(Path.of(encCert)))));
        } else {
            System.out.println("BENCH_ENC_CERT not set: measuring signed responses only");
        }

        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Session session = new Session();
            for (Sp sp : sps) {
                load.signIn(session, sp);
            }
            sessions.add(session);
        }
        System.out.println("signed in: " + threads + " sessions (one citizen, one sign-in per thread), "
                + sps.size() + " SPs each");

        for (Sp sp : sps) {
            if (warmup > 0) {
                Stats w = load.run(sessions, sp, warmup);
                System.out.printf(Locale.ROOT, "warm-up %s: %d responses in %ds, %d errors%n", sp.label(),
                        w.nanos.size(), warmup, w.errorCount());
            }
            Stats stats = load.run(sessions, sp, seconds);
            stats.print(System.out, sp, threads, seconds);
        }
    }

    // ---------------------------------------------------------------- set-up

    String adminToken() throws IOException, InterruptedException {
        String id = System.getenv("SATUPINTU_ADMIN_CLIENT_ID");
        String secret = System.getenv("SATUPINTU_ADMIN_CLIENT_SECRET");
        if (id == null || secret == null) {
            fail("set SATUPINTU_ADMIN_CLIENT_ID and SATUPINTU_ADMIN_CLIENT_SECRET");
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=agency.admin")));
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            fail("admin token: HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return token.group(1);
    }

    /** Registers an SP by metadata (SAML Metadata §2.4.4); its endpoints point nowhere: responses are only read. */
    Sp register(String token, String label, String encryptionCertBase64) throws IOException, InterruptedException {
        String suffix = randomHex(6);
        String entityId = "http://127.0.0.1:9/bench-sp/" + label.replace('+', '-') + "/" + suffix;
        String acs = "http://127.0.0.1:9/bench-sp/" + suffix + "/acs";
        String keyDescriptor = encryptionCertBase64 == null ? "" : "<md:KeyDescriptor use=\"encryption\"><ds:KeyInfo>"
                + "<ds:X509Data><ds:X509Certificate>" + encryptionCertBase64 + "</ds:X509Certificate></ds:X509Data>"
                + "</ds:KeyInfo></md:KeyDescriptor>";
        String metadata = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + entityId + "\">"
                + "<md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\" "
                + "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + keyDescriptor
                + "<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"" + acs + "\" index=\"0\" isDefault=\"true\"/>"
                + "</md:SPSSODescriptor></md:EntityDescriptor>";
        String body = "{\"metadata_xml\":\"" + jsonEscape(metadata) + "\",\"scopes\":[\"profile\"],"
                + "\"signed_parts\":\"BOTH\",\"encrypt_assertions\":" + (encryptionCertBase64 != null)
                + ",\"require_signed_requests\":false}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/admin/agencies/" + AGENCY + "/saml-service-providers"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            fail("registering SP " + label + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        System.out.println("sp: " + label + " registered as " + entityId);
        return new Sp(label, entityId, acs, encryptionCertBase64 != null);
    }

    /** First SSO of a session: login page, NIK and password, consent when asked, until the response form. */
    void signIn(Session session, Sp sp) throws IOException, InterruptedException {
        URI uri = authnRequestUri(sp);
        String postBody = null;
        boolean loggedIn = false;
        boolean consented = false;
        for (int hop = 0; hop < 20; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            if (postBody != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", base.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(postBody));
            }
            HttpResponse<String> response = session.send(this, request);
            if (isRedirect(response.statusCode())) {
                uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
                if (!uri.getHost().equals(base.getHost()) || uri.getPort() != base.getPort()) {
                    fail("sign-in for " + sp.label() + " redirected off the IdP to " + uri.getHost() + uri.getPath());
                }
                postBody = null;
                continue;
            }
            if (response.statusCode() != 200) {
                fail("sign-in for " + sp.label() + ": HTTP " + response.statusCode() + " at " + uri.getPath() + " "
                        + abbreviate(response.body()));
            }
            String check = checkResponseForm(response.body(), sp);
            if (check == null) {
                return;
            }
            Map<String, String> login = form(response.body(), "nik");
            if (login != null && !loggedIn) {
                loggedIn = true;
                uri = uri.resolve(login.remove("@action"));
                login.put("nik", NIK);
                login.put("password", PASSWORD);
                postBody = encode(login);
                continue;
            }
            Map<String, String> consent = form(response.body(), "scope");
            if (consent == null) {
                consent = form(response.body(), APPROVING_BUTTON);
            }
            if (consent != null && !consented) {
                consented = true;
                uri = uri.resolve(consent.remove("@action"));
                postBody = encode(consent);
                continue;
            }
            fail("sign-in for " + sp.label() + " stopped at " + uri.getPath() + ": " + check);
        }
        fail("sign-in for " + sp.label() + ": more than 20 hops");
    }

    // ---------------------------------------------------------------- load

    Stats run(List<Session> sessions, Sp sp, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Stats> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        for (Session session : sessions) {
            Stats stats = new Stats();
            perThread.add(stats);
            Thread worker = new Thread(() -> {
                while (!stop.get() && System.nanoTime() < deadline) {
                    oneResponse(session, sp, stats);
                }
            });
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

    /** One SP-initiated SSO of a signed-in citizen: AuthnRequest by Redirect, Response form read. */
    void oneResponse(Session session, Sp sp, Stats stats) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = session.send(this, HttpRequest.newBuilder(authnRequestUri(sp)));
            if (response.statusCode() != 200) {
                String where = response.headers().firstValue("Location").map(l -> " -> " + URI.create(l).getPath())
                        .orElse("");
                stats.error("http_" + response.statusCode() + where, abbreviate(response.body()));
                return;
            }
            String problem = checkResponseForm(response.body(), sp);
            if (problem != null) {
                stats.error("bad_response", problem);
                return;
            }
            stats.nanos.add(System.nanoTime() - start);
        } catch (IOException e) {
            stats.error("io_" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.error("interrupted", "");
        } catch (RuntimeException e) {
            stats.error("bug_" + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }

    /** @return null when the page is the auto-POST of a successful Response to the SP's ACS, else what is wrong */
    static String checkResponseForm(String html, Sp sp) {
        Map<String, String> form = form(html, "SAMLResponse");
        if (form == null) {
            return "no SAMLResponse form";
        }
        if (!sp.acs().equals(form.get("@action"))) {
            return "form action is not the ACS";
        }
        String xml = new String(Base64.getMimeDecoder().decode(form.get("SAMLResponse")), StandardCharsets.UTF_8);
        Matcher status = STATUS.matcher(xml);
        if (!status.find() || !status.group(1).endsWith(":Success")) {
            return "status " + (status.find(0) ? status.group(1) : "missing");
        }
        if (!xml.contains("SignatureValue")) {
            return "unsigned Response";
        }
        if (sp.encrypted() != xml.contains("EncryptedAssertion")) {
            return sp.encrypted() ? "assertion not encrypted" : "assertion encrypted for an SP without a certificate";
        }
        return null;
    }

    /** SAML Bindings §3.4.4.1: raw DEFLATE, base64, URL-encode; no signature (the SPs do not sign). */
    URI authnRequestUri(Sp sp) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_" + randomHex(16) + "\" Version=\"2.0\" "
                + "IssueInstant=\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\" Destination=\"" + sso + "\" "
                + "AssertionConsumerServiceURL=\"" + sp.acs() + "\" "
                + "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">"
                + "<saml:Issuer>" + sp.entityId() + "</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\" AllowCreate=\"true\"/>"
                + "</samlp:AuthnRequest>";
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return URI.create(sso + "?SAMLRequest=" + enc(Base64.getEncoder().encodeToString(out.toByteArray()))
                + "&RelayState=" + randomHex(8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // a browser's Accept: with "application/json" in it Spring treats a page request as an API call
        // and does not save it for after the sign-in
        return http.send(request.timeout(REQUEST_TIMEOUT).header("Accept", BROWSER_ACCEPT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One browser's cookies: the citizen's SSO session. */
    static final class Session {
        final Map<String, String> cookies = Collections.synchronizedMap(new LinkedHashMap<>());

        HttpResponse<String> send(SamlSsoLoad load, HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response = load.send(request);
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1).trim();
                    if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq).trim());
                    } else {
                        cookies.put(pair.substring(0, eq).trim(), value);
                    }
                }
            }
            return response;
        }
    }

    // ---------------------------------------------------------------- HTML

    /** @return the fields of the first POST form with a field named {@code marker} (action under "@action"), or null */
    static Map<String, String> form(String html, String marker) {
        Matcher forms = FORM.matcher(html == null ? "" : html);
        while (forms.find()) {
            Map<String, String> formAttributes = attributes(forms.group(1));
            if (!"post".equalsIgnoreCase(formAttributes.getOrDefault("method", "get"))) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            StringBuilder scopes = new StringBuilder();
            Matcher inputs = INPUT.matcher(forms.group(2));
            boolean hasMarker = false;
            while (inputs.find()) {
                Map<String, String> a = attributes(inputs.group(1));
                String name = a.get("name");
                if (name == null || a.containsKey("disabled")) {
                    continue;
                }
                String type = a.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
                boolean approving = type.equals("submit") && APPROVE.matcher(name + " " + a.getOrDefault("value", "")).find();
                hasMarker |= name.equals(marker) || marker.equals(APPROVING_BUTTON) && approving;
                if (approving) {
                    fields.put(name, a.getOrDefault("value", ""));
                } else if (name.equals("scope")) {
                    scopes.append(scopes.length() == 0 ? "" : " ").append(a.getOrDefault("value", ""));
                } else if (!type.equals("submit")) {
                    fields.putIfAbsent(name, a.getOrDefault("value", ""));
                }
            }
            if (hasMarker) {
                if (scopes.length() > 0) {
                    fields.put("scope", scopes.toString());
                }
                fields.put("@action", formAttributes.getOrDefault("action", ""));
                return fields;
            }
        }
        return null;
    }

    static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
                    : m.group(4) != null ? m.group(4) : "";
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unescape(value));
        }
        return attributes;
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#43;", "+").replace("&#61;", "=").replace("&#47;", "/").replace("&amp;", "&");
    }

    /** Repeated {@code scope} values (space-joined above) go back as separate fields, as a browser sends checked boxes. */
    static String encode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> {
            if (k.startsWith("@")) {
                return;
            }
            for (String value : k.equals("scope") ? v.split(" ") : new String[] {v}) {
                body.append(body.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(value));
            }
        });
        return body.toString();
    }

    // ---------------------------------------------------------------- statistics

    static final class Stats {
        final List<Long> nanos = new ArrayList<>();
        final Map<String, Integer> errors = new TreeMap<>();
        final Map<String, String> examples = new TreeMap<>();
        long elapsedNanos;

        void error(String kind, String example) {
            errors.merge(kind, 1, Integer::sum);
            examples.putIfAbsent(kind, example);
        }

        int errorCount() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        void add(Stats other) {
            nanos.addAll(other.nanos);
            other.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
            other.examples.forEach(examples::putIfAbsent);
        }

        void print(java.io.PrintStream out, Sp sp, int threads, int seconds) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            double perSecond = sorted.size() / (elapsedNanos / 1e9);
            out.printf(Locale.ROOT, "RESULT sp=%s responses=%d errors=%d seconds=%d threads=%d responses_per_s=%.1f "
                            + "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", sp.label(), sorted.size(), errorCount(),
                    seconds, threads, perSecond, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                    sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
            errors.forEach((kind, count) -> out.printf("  error %s x%d, e.g. %s%n", kind, count, examples.get(kind)));
        }

        static double pct(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
        }
    }

    // ---------------------------------------------------------------- small helpers

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        StringBuilder hex = new StringBuilder();
        for (byte x : b) {
            hex.append(String.format("%02x", x));
        }
        return hex.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.exit(2);
    }
}
