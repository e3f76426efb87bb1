package id.satupintu.idp.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    static synchronized void ensureInstalled() {
        if (BROWSER.canExecute() && DRIVER.canExecute()) {
            return;
        }
        if (!isRoot()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: run "
                    + "'apt-get update && apt-get install -y chromium chromium-driver' as root, or run the tests as root");
        }
        run(List.of("apt-get", "update"));
        run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium", "chromium-driver"));
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("apt-get installed chromium, but " + BROWSER + " or " + DRIVER
                    + " is still missing");
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes()).trim();
            return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close(); // no questions: the install is non-interactive
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed; browser tests need "
                        + "Debian's chromium and chromium-driver");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + String.join(" ", command) + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing chromium", e);
        }
    }
}
