package id.satupintu.idp.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for browser tests. Installs {@code chromium} and {@code chromium-driver}
 * with apt when they are missing (CI and fresh machines run as root), and fails with a clear message
 * when that is impossible: a browser test is never silently skipped.
 */
public final class HeadlessChromium {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** @return a new headless browser with a fresh profile; the caller quits it */
    public static ChromeDriver start() throws IOException {
        ensureInstalled();
        Path profile = Files.createTempDirectory("satupintu-chromium-");
        profile.toFile().deleteOnExit();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=412,915");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static void ensureInstalled() {
        DebianPackages.ensureInstalled("Browser tests", List.of("chromium", "chromium-driver"), BROWSER, DRIVER);
    }
}
