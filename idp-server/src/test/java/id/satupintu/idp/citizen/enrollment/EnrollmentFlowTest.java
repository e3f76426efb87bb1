package id.satupintu.idp.citizen.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.registry.RegistryRecord;

/**
 * Enrollment through the application's real filter chains, with the session in real Redis and accounts in
 * real PostgreSQL, against the tests' own registry records.
 */
class EnrollmentFlowTest extends EnrollmentWebTestSupport {

    static final String PASSWORD = "sungai kapuas mengalir jauh";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired
    private MockMvc mvc;
    @Autowired
    private TestRegistry registry;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private AuditLog audit;

    private MockBrowser browser() {
        int n = ADDRESS.getAndIncrement();
        return new MockBrowser(mvc, "10.30." + (n / 250) + "." + (n % 250 + 1));
    }

    static MvcResult submitIdentity(MockBrowser browser, String nik, String name, String birthDate, String kk)
            throws Exception {
        return browser.perform(post("/enrol").param("nik", nik).param("fullName", name).param("birthDate", birthDate)
                .param("familyCardNumber", kk).with(csrf()));
    }

    static MvcResult submitIdentity(MockBrowser browser, RegistryRecord record) throws Exception {
        return submitIdentity(browser, record.nik().value(), record.fullName(), record.birthDate().toString(),
                record.familyCardNumber());
    }

    static MvcResult submitPassword(MockBrowser browser, String password, String confirmation) throws Exception {
        return browser.perform(post("/enrol/password").param("password", password).param("confirmation", confirmation)
                .with(csrf()));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    /** The page with what differs by design between two submissions removed: typed values and the CSRF token. */
    private static String withoutValues(String page) {
        return page.replaceAll("value=\"[^\"]*\"", "value=\"\"");
    }

    @Test
    void enrolWhenAllAttributesMatchThenAccountFromRegistryCreatedAndSignedIn() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();
        browser.perform(get("/enrol"));

        // the name typed the way people type it: case, spacing and punctuation do not matter
        MvcResult verified = submitIdentity(browser, record.nik().value(), "  rina   Wulandari. ",
                "1992-07-01", record.familyCardNumber());
        assertThat(verified.getResponse().getRedirectedUrl()).isEqualTo("/enrol/password");
        MvcResult passwordPage = browser.perform(get("/enrol/password"));
        assertThat(body(passwordPage)).contains("RINA WULANDARI").contains("autocomplete=\"new-password\"");
        String sessionBefore = browser.cookie("SATUPINTU_SESSION");

        MvcResult created = submitPassword(browser, PASSWORD, PASSWORD);

        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/enrol/contact");
        Citizen citizen = citizens.findByNik(record.nik()).orElseThrow();
        assertThat(citizen.fullName()).isEqualTo("RINA WULANDARI");
        assertThat(citizen.birthDate()).isEqualTo(record.birthDate());
        assertThat(citizen.address().district()).isEqualTo("Semarang Barat");
        assertThat(citizen.verification().familyCardNumber()).isEqualTo(record.familyCardNumber());
        assertThat(citizen.verification().registryVersion()).isEqualTo(record.version());
        assertThat(citizen.isActive()).isTrue();
        assertThat(hasher.matches(PASSWORD, citizen.passwordHash())).isTrue();
        assertThat(browser.cookie("SATUPINTU_SESSION")).as("a new session id after sign-in").isNotEqualTo(sessionBefore);
        assertThat(body(browser.perform(get("/")))).contains("id=\"signed-in-as\"");
        assertThat(body(browser.perform(get("/enrol/done")))).contains("id=\"done\"");
        assertThat(audit.recent("enrollment.completed", 20)).anySatisfy(event -> {
            assertThat(event.citizenId()).isEqualTo(citizen.id());
            assertThat(event.detail().get("nik")).isEqualTo(record.nik().masked());
        });
    }

    @Test
    void enrolWhenUnknownNikOrAnyAttributeWrongThenSameStatusAndPage() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        String nik = record.nik().value();
        List<MvcResult> answers = List.of(
                submitIdentity(browser(), TestRegistryRecords.unknownNik().value(), record.fullName(), "1992-07-01",
                        record.familyCardNumber()),
                submitIdentity(browser(), nik, "RINA WULANDARY", "1992-07-01", record.familyCardNumber()),
                submitIdentity(browser(), nik, record.fullName(), "1992-07-02", record.familyCardNumber()),
                submitIdentity(browser(), nik, record.fullName(), "1992-07-01", "3374021203159999"));

        for (MvcResult answer : answers) {
            assertThat(answer.getResponse().getStatus()).isEqualTo(200);
            assertThat(withoutValues(body(answer))).isEqualTo(withoutValues(body(answers.get(0))));
        }
        assertThat(body(answers.get(0))).contains("id=\"not-matched\"")
                .contains("tidak cocok dengan data kependudukan");
        assertThat(citizens.findByNik(record.nik())).isEmpty();
        List<AuditEvent> rejected = audit.recent("enrollment.rejected", 50);
        assertThat(rejected).anySatisfy(event -> {
            assertThat(event.detail()).containsEntry("reason", "not_matched").containsEntry("nik", record.nik().masked());
        });
        assertThat(rejected).allSatisfy(event -> assertThat(event.detail().toString()).doesNotContain(nik));
    }

    @Test
    void enrolWhenUnknownNikOrMatchOrMismatchThenEachTakesAtLeastTheFloor() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        for (RegistryRecord submitted : List.of(record, TestRegistryRecords.fresh())) {
            long start = System.nanoTime();
            submitIdentity(browser(), submitted);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isGreaterThanOrEqualTo(FLOOR_MILLIS);
        }
    }

    @Test
    void enrolWhenNikMalformedThenItsRuleExplainedWithStatus400() throws Exception {
        MvcResult answer = submitIdentity(browser(), "33740241079", "RINA WULANDARI", "1992-07-01", "3374021203150001");

        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(answer)).contains("NIK harus terdiri dari tepat 16 angka.").contains("href=\"#nik\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void enrolWhenFieldsMissingThenEachNamedInTheSummary() throws Exception {
        MvcResult answer = submitIdentity(browser(), "", "", "", "12");

        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(answer)).contains("Isi NIK Anda.", "Isi nama lengkap Anda.", "Isi tanggal lahir Anda.",
                "Nomor Kartu Keluarga harus terdiri dari tepat 16 angka.");
    }

    @Test
    void enrolWhenRecordDeceasedThenDeceasedPageAndNoAccount() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.freshDeceased());

        MvcResult answer = submitIdentity(browser(), record);

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(answer)).contains("telah meninggal dunia").contains("Dukcapil");
        assertThat(citizens.findByNik(record.nik())).isEmpty();
    }

    @Test
    void enrolWhenDeceasedButAttributeWrongThenOnlyNotMatched() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.freshDeceased());

        MvcResult answer = submitIdentity(browser(), record.nik().value(), record.fullName(), "1992-07-02",
                record.familyCardNumber());

        assertThat(body(answer)).contains("id=\"not-matched\"").doesNotContain("meninggal");
    }

    @Test
    void enrolWhenNikAlreadyHasAccountThenExistingAccountPageWithSignInLink() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        citizens.save(Citizen.enrolledFrom(record, UUID.randomUUID(), "not-a-hash", Instant.now()));

        MvcResult answer = submitIdentity(browser(), record);

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(answer)).contains("NIK ini sudah memiliki akun").contains("href=\"/login\"")
                .contains("Lupa kata sandi?");
    }

    @Test
    void passwordWhenAnotherEnrollmentWonTheRaceThenExistingAccountPageAndOneAccount() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();
        submitIdentity(browser, record);
        Citizen first = Citizen.enrolledFrom(record, UUID.randomUUID(), "not-a-hash", Instant.now());
        citizens.save(first);

        MvcResult answer = submitPassword(browser, PASSWORD, PASSWORD);

        assertThat(body(answer)).contains("NIK ini sudah memiliki akun");
        assertThat(citizens.findByNik(record.nik()).orElseThrow().id()).isEqualTo(first.id());
        assertThat(body(browser.perform(get("/")))).doesNotContain("id=\"signed-in-as\"");
    }

    @Test
    void enrolWhenRegistryUnavailableThen503TryLaterPageAndNothingSaved() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();
        registry.setUnavailable(true);
        MvcResult answer;
        try {
            answer = submitIdentity(browser, record);
        } finally {
            registry.setUnavailable(false);
        }

        assertThat(answer.getResponse().getStatus()).isEqualTo(503);
        assertThat(body(answer)).contains("Coba lagi nanti").contains("Belum ada data yang disimpan");
        assertThat(citizens.findByNik(record.nik())).isEmpty();
        assertThat(browser.perform(get("/enrol/password")).getResponse().getRedirectedUrl()).isEqualTo("/enrol");
    }

    @Test
    void enrolWhenRegistryUnavailableInEnglishThenEnglishPage() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();
        browser.perform(get("/enrol?lang=en"));
        registry.setUnavailable(true);
        MvcResult answer;
        try {
            answer = submitIdentity(browser, record);
        } finally {
            registry.setUnavailable(false);
        }

        assertThat(answer.getResponse().getStatus()).isEqualTo(503);
        assertThat(body(answer)).contains("Please try again later").contains("lang=\"en\"");
    }

    @Test
    void enrolWhenNikFailedTooOftenThen429FromAnyAddressAndAudited() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        for (int i = 0; i < NIK_LIMIT; i++) {
            submitIdentity(browser(), record.nik().value(), "SOMEONE ELSE", "1992-07-01", record.familyCardNumber());
        }

        MvcResult answer = submitIdentity(browser(), record);

        assertThat(answer.getResponse().getStatus()).isEqualTo(429);
        assertThat(body(answer)).contains("Terlalu banyak percobaan");
        assertThat(citizens.findByNik(record.nik())).isEmpty();
        assertThat(audit.recent("enrollment.throttled", 20)).anySatisfy(event -> assertThat(event.detail())
                .containsEntry("limit", "nik").containsEntry("nik", record.nik().masked()));
    }

    @Test
    void enrolWhenAddressFailedTooOftenThen429ForAnyNik() throws Exception {
        MockBrowser browser = browser();
        for (int i = 0; i < IP_LIMIT; i++) {
            submitIdentity(browser, TestRegistryRecords.fresh());
        }

        MvcResult answer = submitIdentity(browser, registry.add(TestRegistryRecords.fresh()));

        assertThat(answer.getResponse().getStatus()).isEqualTo(429);
        assertThat(audit.recent("enrollment.throttled", 20)).anySatisfy(event ->
                assertThat(event.detail()).containsEntry("limit", "client_address"));
    }

    @Test
    void passwordWhenTooShortOrBlocklistedOrPersonalOrNotConfirmedThen400AndNothingSaved() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();
        submitIdentity(browser, record);

        MvcResult shortOne = submitPassword(browser, "pendek sekali", "pendek sekali");
        MvcResult common = submitPassword(browser, "Indonesia12345678", "Indonesia12345678");
        MvcResult personal = submitPassword(browser, "rumah " + record.nik().value(), "rumah " + record.nik().value());
        MvcResult differs = submitPassword(browser, PASSWORD, PASSWORD + "!");

        assertThat(List.of(shortOne, common, personal, differs))
                .allSatisfy(answer -> assertThat(answer.getResponse().getStatus()).isEqualTo(400));
        assertThat(body(shortOne)).contains("paling sedikit 15 karakter").contains("href=\"#password\"");
        assertThat(body(common)).contains("terlalu umum");
        assertThat(body(personal)).contains("tidak boleh berisi NIK");
        assertThat(body(differs)).contains("href=\"#confirmation\"");
        assertThat(citizens.findByNik(record.nik())).isEmpty();
        assertThat(audit.recent("enrollment.password_rejected", 50)).anySatisfy(event -> assertThat(event.detail())
                .containsEntry("reason", "blocklisted").containsEntry("nik", record.nik().masked()));

        assertThat(submitPassword(browser, PASSWORD, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/enrol/contact");
    }

    @Test
    void enrolWhenNoCsrfTokenThenForbiddenAndNothingVerified() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();

        MvcResult answer = browser.perform(post("/enrol").param("nik", record.nik().value())
                .param("fullName", record.fullName()).param("birthDate", "1992-07-01")
                .param("familyCardNumber", record.familyCardNumber()));

        assertThat(answer.getResponse().getStatus()).isEqualTo(403);
        assertThat(browser.perform(get("/enrol/password")).getResponse().getRedirectedUrl()).isEqualTo("/enrol");
    }

    @Test
    void passwordPageWhenNoVerifiedIdentityThenBackToStart() throws Exception {
        MockBrowser browser = browser();

        assertThat(browser.perform(get("/enrol/password")).getResponse().getRedirectedUrl()).isEqualTo("/enrol");
        assertThat(submitPassword(browser, PASSWORD, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/enrol");
    }

    @Test
    void enrolWhenCameFromAuthorizationRequestThenDonePageContinuesIt() throws Exception {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        MockBrowser browser = browser();
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + TestRegisteredClients.CLIENT_ID
                + "&redirect_uri=https://portal.example.id/callback&scope=openid%20profile&state=enrol"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        assertThat(browser.perform(get(java.net.URI.create(authorize))).getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(body(browser.perform(get("/login")))).contains("href=\"/enrol\"");

        submitIdentity(browser, record);
        submitPassword(browser, PASSWORD, PASSWORD);
        MvcResult done = browser.perform(get("/enrol/done"));

        assertThat(body(done)).contains("href=\"/enrol/continue\"");
        String continued = browser.perform(get("/enrol/continue")).getResponse().getRedirectedUrl();
        assertThat(continued).contains("/oauth2/authorize?").contains("state=enrol");
        String consent = browser.perform(get(java.net.URI.create(continued))).getResponse().getRedirectedUrl();
        assertThat(consent).contains("/consent?");
    }

    @Test
    void contactPagesWhenNotSignedInThenLoginPage() throws Exception {
        MvcResult answer = browser().perform(get("/enrol/contact"));

        assertThat(answer.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void enrolPageWhenEnglishChosenThenEnglishLabelsAndInputHints() throws Exception {
        String page = body(browser().perform(get("/enrol?lang=en")));

        assertThat(page).contains("Create your SatuPintu account").contains("Family card number (KK)")
                .contains("inputmode=\"numeric\"").contains("type=\"date\"").contains("name=\"_csrf\"");
    }
}
