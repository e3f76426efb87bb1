package id.satupintu.idp.citizen.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;

/**
 * Signing in with NIK and password through the application's real filter chains, with the SSO
 * session in real Redis and accounts in real PostgreSQL.
 */
class CitizenLoginTest extends CitizenWebTestSupport {

    static final String PASSWORD = "kata-sandi-warga-uji";
    /** Every test signs in from its own addresses so that the per-address limit is its own. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    private MockMvc mvc;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private AuditLog audit;

    private static String passwordHash;

    private Citizen freshCitizen() {
        if (passwordHash == null) {
            passwordHash = hasher.hash(PASSWORD);
        }
        Citizen citizen = TestCitizens.fresh(passwordHash);
        citizens.save(citizen);
        return citizen;
    }

    private static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "10.20." + (n / 250) + "." + (n % 250 + 1);
    }

    private MockBrowser browser() {
        return new MockBrowser(mvc, freshAddress());
    }

    private static MvcResult login(MockBrowser browser, String nik, String password) throws Exception {
        return browser.perform(post("/login").param("nik", nik).param("password", password).with(csrf()));
    }

    private static String loginPageAfterFailure(MockBrowser browser, MvcResult failure) throws Exception {
        assertThat(failure.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MvcResult page = browser.perform(get(URI.create("/login?error")));
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        return page.getResponse().getContentAsString();
    }

    private static String alert(String page) {
        Matcher alert = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<").matcher(page);
        assertThat(alert.find()).as("the page has an alert").isTrue();
        return alert.group(1);
    }

    /** @return whom the landing page says is signed in, or null */
    private static String signedInAs(MockBrowser browser) throws Exception {
        String page = browser.perform(get("/")).getResponse().getContentAsString();
        Matcher name = Pattern.compile("Anda sudah masuk sebagai ([^<]*)\\.<").matcher(page);
        return name.find() ? name.group(1) : null;
    }

    private List<AuditEvent> auditOf(String type, Citizen citizen) {
        return audit.recent(type, 500).stream().filter(e -> citizen.id().equals(e.citizenId())).toList();
    }

    @Test
    void loginWhenRightPasswordThenSignedInAndAuditedWithMaskedNik() throws Exception {
        Citizen citizen = freshCitizen();
        MockBrowser browser = browser();

        MvcResult result = login(browser, citizen.nik().value(), PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(signedInAs(browser)).isEqualTo(citizen.fullName());
        assertThat(auditOf("login.succeeded", citizen)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("success");
            assertThat(e.detail()).containsEntry("nik", citizen.nik().masked());
            assertThat(e.detail().toString()).doesNotContain(citizen.nik().value());
        });
    }

    @Test
    void loginWhenSignedInThenNewSessionIdAgainstFixation() throws Exception {
        Citizen citizen = freshCitizen();
        MockBrowser browser = browser();
        browser.perform(get("/login"));
        String before = browser.cookie("SATUPINTU_SESSION");

        login(browser, citizen.nik().value(), PASSWORD);

        assertThat(before).isNotNull();
        assertThat(browser.cookie("SATUPINTU_SESSION")).isNotNull().isNotEqualTo(before);
    }

    @Test
    void loginWhenSavedRequestThenResumesIt() throws Exception {
        Citizen citizen = freshCitizen();
        MockBrowser browser = browser();
        String consent = "/consent?client_id=" + TestRegisteredClients.CLIENT_ID + "&scope=openid&state=s1";
        MvcResult challenge = browser.perform(get(URI.create(consent)));
        assertThat(challenge.getResponse().getRedirectedUrl()).endsWith("/login");

        MvcResult result = login(browser, citizen.nik().value(), PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).endsWith(consent + "&continue");
    }

    @Test
    void loginWhenWrongPasswordThenCredentialsMessageAndAudited() throws Exception {
        Citizen citizen = freshCitizen();
        MockBrowser browser = browser();

        MvcResult result = login(browser, citizen.nik().value(), "salah");

        assertThat(alert(loginPageAfterFailure(browser, result))).contains("NIK atau kata sandi tidak sesuai");
        assertThat(signedInAs(browser)).isNull();
        assertThat(auditOf("login.failed", citizen)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.detail()).containsEntry("reason", "wrong_password").containsEntry("nik", citizen.nik().masked());
        });
    }

    @Test
    void loginPageWhenShownAgainAfterFailureThenMessageGone() throws Exception {
        MockBrowser browser = browser();
        loginPageAfterFailure(browser, login(browser, freshCitizen().nik().value(), "salah"));

        String again = browser.perform(get("/login")).getResponse().getContentAsString();

        assertThat(again).doesNotContain("role=\"alert\"");
    }

    @Test
    void loginWhenUnknownNikThenSameMessageAsWrongPassword() throws Exception {
        Citizen neverSaved = TestCitizens.fresh(null);
        MockBrowser unknownBrowser = browser();
        MockBrowser wrongBrowser = browser();

        String unknownPage = loginPageAfterFailure(unknownBrowser,
                login(unknownBrowser, neverSaved.nik().value(), PASSWORD));
        String wrongPage = loginPageAfterFailure(wrongBrowser, login(wrongBrowser, freshCitizen().nik().value(), "salah"));

        assertThat(alert(unknownPage)).contains("NIK atau kata sandi tidak sesuai").isEqualTo(alert(wrongPage));
        assertThat(audit.recent("login.failed", 500)).anySatisfy(e -> assertThat(e.detail())
                .containsEntry("reason", "unknown_account").containsEntry("nik", neverSaved.nik().masked()));
    }

    @Test
    void loginWhenUnknownNikThenTakesAboutAsLongAsWrongPassword() throws Exception {
        Citizen citizen = freshCitizen();
        // the fastest of a few tries: noise on a shared machine only ever makes a try slower
        Duration unknown = Duration.ofDays(1);
        Duration wrong = Duration.ofDays(1);
        for (int i = 0; i < 2; i++) {
            unknown = min(unknown, timed(TestCitizens.fresh(null).nik().value()));
            wrong = min(wrong, timed(citizen.nik().value()));
        }

        // without the dummy hash an unknown NIK would answer in a few milliseconds, not in Argon2 time
        assertThat(unknown.toNanos()).isGreaterThan(wrong.toNanos() / 2);
    }

    private Duration timed(String nik) throws Exception {
        MockBrowser browser = browser();
        long start = System.nanoTime();
        login(browser, nik, "salah");
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Test
    void loginWhenNikMalformedThenSpecificMessageAndAudited() throws Exception {
        MockBrowser browser = browser();

        String page = loginPageAfterFailure(browser, login(browser, "31710165029", PASSWORD));

        assertThat(alert(page)).contains("NIK harus terdiri dari tepat 16 angka");
        assertThat(audit.recent("login.failed", 500)).anySatisfy(e -> assertThat(e.detail())
                .containsEntry("reason", "malformed_nik").containsEntry("rule", "length"));
    }

    @Test
    void loginWhenNikHasImpossibleBirthDateThenBirthDateMessage() throws Exception {
        MockBrowser browser = browser();

        String page = loginPageAfterFailure(browser, login(browser, "3171013102900001", PASSWORD));

        assertThat(alert(page)).contains("bukan tanggal lahir yang benar");
    }

    @Test
    void loginWhenAccountDisabledThenDisabledMessageAndNotSignedIn() throws Exception {
        Citizen citizen = freshCitizen();
        citizens.save(citizen.withStatus(CitizenStatus.DISABLED, citizen.updatedAt()));
        MockBrowser browser = browser();

        MvcResult result = login(browser, citizen.nik().value(), PASSWORD);

        assertThat(alert(loginPageAfterFailure(browser, result))).contains("Akun ini dinonaktifkan");
        assertThat(signedInAs(browser)).isNull();
        assertThat(auditOf("login.failed", citizen)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("reason", "account_disabled"));
    }

    @Test
    void loginWhenAccountReachedFailureLimitThenThrottledEvenWithRightPassword() throws Exception {
        Citizen citizen = freshCitizen();
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            login(browser(), citizen.nik().value(), "salah-" + i);
        }
        MockBrowser browser = browser();

        MvcResult result = login(browser, citizen.nik().value(), PASSWORD);

        assertThat(alert(loginPageAfterFailure(browser, result)))
                .contains("Terlalu banyak percobaan masuk yang gagal")
                .containsPattern("coba lagi dalam (59|60) menit \\(pukul \\d\\d:\\d\\d WIB\\)");
        assertThat(signedInAs(browser)).isNull();
        assertThat(audit.recent("login.throttled", 500)).anySatisfy(e -> assertThat(e.detail())
                .containsEntry("nik", citizen.nik().masked()).containsEntry("limit", "account"));
    }

    @Test
    void loginWhenAddressReachedFailureLimitThenThrottledForEveryAccount() throws Exception {
        MockBrowser browser = browser();
        for (int i = 0; i < IP_LIMIT; i++) {
            login(browser, freshCitizen().nik().value(), "salah");
        }

        MvcResult result = login(browser, freshCitizen().nik().value(), PASSWORD);

        assertThat(alert(loginPageAfterFailure(browser, result))).contains("Terlalu banyak percobaan masuk yang gagal");
        assertThat(signedInAs(browser)).isNull();
        assertThat(audit.recent("login.throttled", 500)).anySatisfy(e ->
                assertThat(e.detail()).containsEntry("limit", "client_address"));
    }

    @Test
    void loginWhenSucceededThenAccountFailureCountStartsAgain() throws Exception {
        Citizen citizen = freshCitizen();
        for (int i = 0; i < ACCOUNT_LIMIT - 1; i++) {
            login(browser(), citizen.nik().value(), "salah");
        }
        login(browser(), citizen.nik().value(), PASSWORD);
        for (int i = 0; i < ACCOUNT_LIMIT - 1; i++) {
            login(browser(), citizen.nik().value(), "salah");
        }

        MvcResult result = login(browser(), citizen.nik().value(), PASSWORD);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void loginWhenNoCsrfTokenThenRejected() throws Exception {
        Citizen citizen = freshCitizen();

        MvcResult result = browser().perform(post("/login").param("nik", citizen.nik().value())
                .param("password", PASSWORD));

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void logoutWhenSignedInThenSignedOutAndBackToLoginPage() throws Exception {
        Citizen citizen = freshCitizen();
        MockBrowser browser = browser();
        login(browser, citizen.nik().value(), PASSWORD);
        assertThat(signedInAs(browser)).isEqualTo(citizen.fullName());

        MvcResult logout = browser.perform(post("/logout").with(csrf()));

        assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/logged-out");
        assertThat(signedInAs(browser)).isNull();
    }
}
