package id.satupintu.idp.citizen.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStatus;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/** Signing in with NIK and password through the real filter chain, on real PostgreSQL and Redis. */
class CitizenLoginTest extends CitizenWebTestSupport {

    private static final String PASSWORD = "kata-sandi-warga-uji";
    /** Every test signs in from its own address so that the per-address limit is its own. */
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
        return "10.20." + (ADDRESS.get() / 250) + "." + (ADDRESS.getAndIncrement() % 250 + 1);
    }

    private MvcResult login(String nik, String password, String address, MockHttpSession session) throws Exception {
        return mvc.perform(post("/login").session(session).param("nik", nik).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
    }

    private String loginPageAfterFailure(MvcResult failure, MockHttpSession session) throws Exception {
        assertThat(failure.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        return mvc.perform(get(URI.create("/login?error")).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String alert(String page) {
        Matcher alert = Pattern.compile("role=\"alert\"[^>]*>([^<]*)<").matcher(page);
        assertThat(alert.find()).as("the page has an alert").isTrue();
        return alert.group(1);
    }

    private static SecurityContext securityContext(MockHttpSession session) {
        return (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    private List<AuditEvent> auditOf(String type, Citizen citizen) {
        return audit.recent(type, 200).stream().filter(e -> citizen.id().equals(e.citizenId())).toList();
    }

    @Test
    void loginWhenRightPasswordThenSignedInAsCitizenAtLoa2WithPassword() throws Exception {
        Citizen citizen = freshCitizen();
        MockHttpSession session = new MockHttpSession();

        MvcResult result = login(citizen.nik().value(), PASSWORD, freshAddress(), session);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        SecurityContext context = securityContext((MockHttpSession) result.getRequest().getSession());
        assertThat(context.getAuthentication()).isInstanceOf(CitizenAuthenticationToken.class);
        AuthenticatedCitizen signedIn = ((CitizenAuthenticationToken) context.getAuthentication()).getPrincipal();
        assertThat(signedIn.citizenId()).isEqualTo(citizen.id());
        assertThat(signedIn.acr()).isEqualTo("urn:satupintu:loa:2");
        assertThat(signedIn.amr()).containsExactly("pwd");
        assertThat(signedIn.authenticatedAt()).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(auditOf("login.succeeded", citizen)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("success");
            assertThat(e.detail()).containsEntry("nik", citizen.nik().masked());
            assertThat(e.detail().toString()).doesNotContain(citizen.nik().value());
        });
    }

    @Test
    void loginWhenSavedRequestThenResumesIt() throws Exception {
        Citizen citizen = freshCitizen();
        String consent = "/consent?client_id=" + TemporaryCitizenWebSecurity.CLIENT_ID + "&scope=openid&state=s1";
        MvcResult challenge = mvc.perform(get(consent)).andReturn();
        assertThat(challenge.getResponse().getRedirectedUrl()).endsWith("/login");
        MockHttpSession session = (MockHttpSession) challenge.getRequest().getSession();

        MvcResult result = login(citizen.nik().value(), PASSWORD, freshAddress(), session);

        assertThat(result.getResponse().getRedirectedUrl()).endsWith(consent + "&continue");
    }

    @Test
    void loginWhenWrongPasswordThenCredentialsMessageAndAudited() throws Exception {
        Citizen citizen = freshCitizen();
        MockHttpSession session = new MockHttpSession();

        MvcResult result = login(citizen.nik().value(), "salah", freshAddress(), session);

        assertThat(securityContext(session)).isNull();
        assertThat(loginPageAfterFailure(result, session)).contains("role=\"alert\"")
                .contains("NIK atau kata sandi tidak sesuai");
        assertThat(auditOf("login.failed", citizen)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.detail()).containsEntry("reason", "wrong_password").containsEntry("nik", citizen.nik().masked());
        });
    }

    @Test
    void loginWhenUnknownNikThenSameMessageAsWrongPassword() throws Exception {
        Citizen neverSaved = TestCitizens.fresh(null);
        MockHttpSession unknownSession = new MockHttpSession();
        MockHttpSession wrongSession = new MockHttpSession();

        String unknownPage = loginPageAfterFailure(login(neverSaved.nik().value(), PASSWORD, freshAddress(),
                unknownSession), unknownSession);
        String wrongPage = loginPageAfterFailure(login(freshCitizen().nik().value(), "salah", freshAddress(),
                wrongSession), wrongSession);

        assertThat(alert(unknownPage)).contains("NIK atau kata sandi tidak sesuai").isEqualTo(alert(wrongPage));
        assertThat(audit.recent("login.failed", 200)).anySatisfy(e -> assertThat(e.detail())
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
        long start = System.nanoTime();
        login(nik, "salah", freshAddress(), new MockHttpSession());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Test
    void loginWhenNikMalformedThenSpecificMessageAndAudited() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String address = freshAddress();

        String page = loginPageAfterFailure(login("31710165029", PASSWORD, address, session), session);

        assertThat(page).contains("NIK harus terdiri dari tepat 16 angka").doesNotContain("kata sandi tidak sesuai");
        assertThat(audit.recent("login.failed", 200)).anySatisfy(e -> {
            assertThat(e.sourceIp()).isEqualTo(address);
            assertThat(e.detail()).containsEntry("reason", "malformed_nik").containsEntry("rule", "length");
        });
    }

    @Test
    void loginWhenNikHasImpossibleBirthDateThenBirthDateMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();

        String page = loginPageAfterFailure(login("3171013102900001", PASSWORD, freshAddress(), session), session);

        assertThat(page).contains("bukan tanggal lahir yang benar");
    }

    @Test
    void loginWhenAccountDisabledThenDisabledMessageAndNotSignedIn() throws Exception {
        Citizen citizen = freshCitizen();
        citizens.save(citizen.withStatus(CitizenStatus.DISABLED, Instant.now()));
        MockHttpSession session = new MockHttpSession();

        MvcResult result = login(citizen.nik().value(), PASSWORD, freshAddress(), session);

        assertThat(securityContext(session)).isNull();
        assertThat(loginPageAfterFailure(result, session)).contains("Akun ini dinonaktifkan");
        assertThat(auditOf("login.failed", citizen)).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("reason", "account_disabled"));
    }

    @Test
    void loginWhenAccountReachedFailureLimitThenThrottledEvenWithRightPassword() throws Exception {
        Citizen citizen = freshCitizen();
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            login(citizen.nik().value(), "salah-" + i, freshAddress(), new MockHttpSession());
        }
        MockHttpSession session = new MockHttpSession();

        MvcResult result = login(citizen.nik().value(), PASSWORD, freshAddress(), session);

        assertThat(securityContext(session)).isNull();
        assertThat(loginPageAfterFailure(result, session))
                .contains("Terlalu banyak percobaan masuk yang gagal")
                .containsPattern("coba lagi dalam (59|60) menit \\(pukul \\d\\d:\\d\\d WIB\\)");
        assertThat(audit.recent("login.throttled", 200)).anySatisfy(e -> assertThat(e.detail())
                .containsEntry("nik", citizen.nik().masked()).containsEntry("limit", "account"));
    }

    @Test
    void loginWhenAddressReachedFailureLimitThenThrottledForEveryAccount() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < IP_LIMIT; i++) {
            login(freshCitizen().nik().value(), "salah", address, new MockHttpSession());
        }
        MockHttpSession session = new MockHttpSession();

        MvcResult result = login(freshCitizen().nik().value(), PASSWORD, address, session);

        assertThat(securityContext(session)).isNull();
        assertThat(loginPageAfterFailure(result, session)).contains("Terlalu banyak percobaan masuk yang gagal");
        assertThat(audit.recent("login.throttled", 200)).anySatisfy(e -> {
            assertThat(e.sourceIp()).isEqualTo(address);
            assertThat(e.detail()).containsEntry("limit", "client_address");
        });
    }

    @Test
    void loginWhenSucceededThenAccountFailureCountStartsAgain() throws Exception {
        Citizen citizen = freshCitizen();
        for (int i = 0; i < ACCOUNT_LIMIT - 1; i++) {
            login(citizen.nik().value(), "salah", freshAddress(), new MockHttpSession());
        }
        login(citizen.nik().value(), PASSWORD, freshAddress(), new MockHttpSession());
        for (int i = 0; i < ACCOUNT_LIMIT - 1; i++) {
            login(citizen.nik().value(), "salah", freshAddress(), new MockHttpSession());
        }

        MvcResult result = login(citizen.nik().value(), PASSWORD, freshAddress(), new MockHttpSession());

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void loginWhenNoCsrfTokenThenRejected() throws Exception {
        Citizen citizen = freshCitizen();

        mvc.perform(post("/login").param("nik", citizen.nik().value()).param("password", PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void logoutWhenSignedInThenBackToLoginPage() throws Exception {
        Citizen citizen = freshCitizen();
        MvcResult signedIn = login(citizen.nik().value(), PASSWORD, freshAddress(), new MockHttpSession());
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        assertThat(session.isInvalid()).isTrue();
    }
}
