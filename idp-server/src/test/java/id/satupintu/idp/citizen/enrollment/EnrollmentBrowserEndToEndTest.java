package id.satupintu.idp.citizen.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.satupintu.idp.citizen.contact.CapturingOneTimeCodeSender;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.testsupport.HeadlessChromium;

/**
 * Creates an account in a real headless Chromium, in Indonesian and in English, then signs in with it;
 * every page is checked with axe-core (serious and critical violations fail) and for phone width.
 */
class EnrollmentBrowserEndToEndTest extends EnrollmentWebTestSupport {

    private static final String PASSWORD = "layang-layang terbang tinggi";

    @LocalServerPort
    private int port;
    @Autowired
    private TestRegistry registry;
    @Autowired
    private CapturingOneTimeCodeSender sender;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private void checkPage() {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(results.isErrored()).as("axe-core ran").isFalse();
        assertThat(serious).as("serious or critical accessibility violations on %s: %s", browser.getCurrentUrl(),
                serious.stream().map(r -> r.getId() + " (" + r.getHelp() + ")").collect(Collectors.joining("; ")))
                .isEmpty();
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px on %s", browser.getCurrentUrl())
                .isLessThanOrEqualTo(0);
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Date inputs take typed digits in the browser's locale order; setting the value is locale-proof. */
    private void setDate(String id, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), isoDate);
    }

    private void submitIdentity(RegistryRecord record, String name) {
        type("nik", record.nik().value());
        type("fullName", name);
        setDate("birthDate", record.birthDate().toString());
        type("familyCardNumber", record.familyCardNumber());
        browser.findElement(By.cssSelector("form[action='/enrol'] button[type=submit]")).click();
    }

    private void choosePassword(String password) {
        type("password", password);
        type("confirmation", password);
        browser.findElement(By.cssSelector("form[action='/enrol/password'] button[type=submit]")).click();
    }

    private void signOutAndSignInAgain(RegistryRecord record, String signedInText) {
        browser.get(url("/"));
        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/logged-out"));
        browser.get(url("/login"));
        type("nik", record.nik().value());
        type("password", PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("signed-in-as")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo(signedInText);
    }

    @Test
    void enrolmentInIndonesianWhenDetailsMatchThenAccountWithConfirmedEmailAndSignInWorks() {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        String email = "rina.e2e." + record.nik().serial() + "@example.id";
        browser.get(url("/login"));
        browser.findElement(By.id("enrol-link")).click();

        waitForHeading("Buat akun SatuPintu");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
        assertThat(browser.findElement(By.id("nik")).getAttribute("inputmode")).isEqualTo("numeric");
        checkPage();
        submitIdentity(record, "Rina Wulandari");

        waitForHeading("Buat kata sandi");
        assertThat(browser.findElement(By.id("verified-as")).getText()).contains("RINA WULANDARI");
        assertThat(browser.findElement(By.id("password")).getAttribute("autocomplete")).isEqualTo("new-password");
        checkPage();
        choosePassword(PASSWORD);

        waitForHeading("Akun Anda sudah siap");
        checkPage();
        type("email", email);
        browser.findElement(By.id("send-email")).click();

        waitForHeading("Masukkan kode");
        assertThat(browser.findElement(By.id("code-sent")).getText()).contains("r***@example.id");
        checkPage();
        type("code", sender.lastCode(email));
        browser.findElement(By.cssSelector("form[action='/enrol/contact/verify'] button[type=submit]")).click();

        waitForHeading("Akun Anda sudah siap");
        assertThat(browser.findElement(By.id("contact-verified")).getText())
                .isEqualTo("Alamat email Anda sudah dikonfirmasi.");
        checkPage();
        browser.findElement(By.id("finish")).click();

        waitForHeading("Pendaftaran selesai");
        checkPage();

        signOutAndSignInAgain(record, "Anda sudah masuk sebagai Rina Wulandari.");
    }

    @Test
    void enrolmentInEnglishWhenFirstAttemptMismatchesThenErrorsAccessibleAndSecondAttemptEnrols() {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        browser.get(url("/enrol"));
        browser.findElement(By.linkText("English")).click();

        waitForHeading("Create your SatuPintu account");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        checkPage();
        submitIdentity(record, "Rina Wulandary");

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("not-matched")));
        assertThat(browser.findElement(By.id("not-matched")).getText())
                .startsWith("The details you entered do not match the population registry.");
        checkPage();
        submitIdentity(record, "rina wulandari");

        waitForHeading("Choose a password");
        choosePassword("too short");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("error-summary")));
        assertThat(browser.findElement(By.id("error-summary")).getText()).contains("at least 15 characters");
        checkPage();
        choosePassword(PASSWORD);

        waitForHeading("Your account is ready");
        browser.findElement(By.id("finish")).click();
        waitForHeading("Enrollment complete");
        checkPage();

        signOutAndSignInAgain(record, "You are signed in as Rina Wulandari.");
    }

    @Test
    void enrolmentWhenStartedFromAnApplicationsSignInThenContinuesToItsConsentPage() {
        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        browser.get(url("/oauth2/authorize?response_type=code&client_id=" + TestRegisteredClients.CLIENT_ID
                + "&redirect_uri=https://portal.example.id/callback&scope=openid%20profile&state=e2e-enrol"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));
        waitForHeading("Masuk ke SatuPintu");
        browser.findElement(By.id("enrol-link")).click();

        waitForHeading("Buat akun SatuPintu");
        submitIdentity(record, record.fullName());
        waitForHeading("Buat kata sandi");
        choosePassword(PASSWORD);
        waitForHeading("Akun Anda sudah siap");
        browser.findElement(By.id("finish")).click();
        waitForHeading("Pendaftaran selesai");
        assertThat(browser.findElement(By.id("continue")).getText()).isEqualTo("Lanjutkan ke aplikasi");
        browser.findElement(By.id("continue")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/consent?"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo(TestRegisteredClients.CLIENT_NAME + " meminta akses ke akun SatuPintu Anda");
    }

    @Test
    void outcomePagesWhenDeceasedOrRegistryDownThenAccessible() {
        RegistryRecord deceased = registry.add(TestRegistryRecords.freshDeceased());
        browser.get(url("/enrol"));
        submitIdentity(deceased, deceased.fullName());
        waitForHeading("Pendaftaran tidak dapat dilanjutkan");
        checkPage();

        RegistryRecord record = registry.add(TestRegistryRecords.fresh());
        browser.get(url("/enrol"));
        registry.setUnavailable(true);
        try {
            submitIdentity(record, record.fullName());
            waitForHeading("Coba lagi nanti");
        } finally {
            registry.setUnavailable(false);
        }
        checkPage();
    }
}
