package id.satupintu.idp.citizen.login;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.satupintu.idp.testsupport.HeadlessChromium;

/**
 * Signs in as a demo citizen in a real headless Chromium and checks each page with axe-core:
 * serious and critical accessibility violations fail the test.
 */
class LoginBrowserEndToEndTest extends CitizenWebTestSupport {

    private static final String SITI_NIK = "3171016502900001";
    private static final String DEMO_PASSWORD = "demo-warga-satu-pintu";

    @LocalServerPort
    private int port;

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

    private void signIn(String nik, String password) {
        browser.findElement(By.id("nik")).sendKeys(nik);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void assertNoSeriousAccessibilityViolations(WebDriver browser) {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(results.isErrored()).as("axe-core ran").isFalse();
        assertThat(serious).as("serious or critical accessibility violations on %s: %s", browser.getCurrentUrl(),
                serious.stream().map(r -> r.getId() + " (" + r.getHelp() + ")").collect(Collectors.joining("; ")))
                .isEmpty();
    }

    /** The browser window is phone-sized (412 px): nothing may need sideways scrolling. */
    private static void assertFitsPhoneWidth(ChromeDriver browser) {
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    @Test
    void accessibilityCheckWhenPageBrokenThenViolationsFound() {
        // proves the checker runs and reports: a page without lang and with an unlabelled field fails
        browser.get("data:text/html,<!DOCTYPE html><html><head><title>x</title></head><body><input id=x></body></html>");

        List<String> violations = new AxeBuilder().analyze(browser).getViolations().stream().map(Rule::getId).toList();

        assertThat(violations).contains("html-has-lang", "label");
    }

    @Test
    void loginPageWhenSignedInAsDemoCitizenThenLandingPageNamesHer() {
        browser.get(url("/login"));

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Masuk ke SatuPintu");
        assertNoSeriousAccessibilityViolations(browser);
        assertFitsPhoneWidth(browser);

        signIn(SITI_NIK, DEMO_PASSWORD);

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("signed-in-as")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(browser.findElement(By.id("signed-in-as")).getText())
                .isEqualTo("Anda sudah masuk sebagai Siti Rahayu.");
        assertNoSeriousAccessibilityViolations(browser);

        browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/logged-out"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Anda telah keluar.");
    }

    @Test
    void authorizationWhenDemoCitizenSignsInAndApprovesThenApplicationReceivesCode() {
        browser.get(url("/oauth2/authorize?response_type=code&client_id=" + TestRegisteredClients.CLIENT_ID
                + "&redirect_uri=https://portal.example.id/callback&scope=openid%20profile%20email&state=e2e"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&ui_locales=en"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Sign in to SatuPintu"));

        signIn("3578015003950003", DEMO_PASSWORD); // Dewi: no other test gives consent as her

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/consent?"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo(TestRegisteredClients.CLIENT_NAME + " asks to access your SatuPintu account");
        assertThat(browser.findElement(By.id("scope-0")).isEnabled()).as("openid can be unticked").isFalse();
        assertNoSeriousAccessibilityViolations(browser);
        assertFitsPhoneWidth(browser);

        browser.findElement(By.id("approve")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("code="));
        assertThat(browser.getCurrentUrl()).startsWith("https://portal.example.id/callback?").contains("state=e2e");
    }

    @Test
    void loginPageWhenEnglishChosenWithSwitchThenEnglishAndRemembered() {
        browser.get(url("/login"));

        browser.findElement(By.linkText("English")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"),
                "Sign in to SatuPintu"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("label[for=nik]")).getText())
                .isEqualTo("NIK (national identity number)");
        assertNoSeriousAccessibilityViolations(browser);

        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in to SatuPintu");
    }

    @Test
    void loginPageWhenWrongPasswordThenErrorAnnouncedAndNotSignedIn() {
        browser.get(url("/login"));

        signIn(SITI_NIK, "bukan-kata-sandinya");

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[role=alert]")));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/login?error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .isEqualTo("NIK atau kata sandi tidak sesuai. Periksa kembali dan coba lagi.");
        assertThat(browser.findElement(By.id("nik")).getAttribute("aria-invalid")).isEqualTo("true");
        assertNoSeriousAccessibilityViolations(browser);

        browser.get(url("/"));
        assertThat(browser.findElements(By.id("signed-in-as"))).isEmpty();
    }
}
