package hotel.booking.web.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.fail;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver}), headless. Both paths
 * are given to Selenium, so Selenium Manager never looks for a browser or driver to download.
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    // Selenium warns on every new browser that it has no DevTools bindings for this Chromium's
    // version; the tests use only commands that every version has (Page.captureScreenshot, ...).
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private Chromium() {
    }

    static boolean isInstalled() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    static String missing() {
        return "Browser tests need Chromium at " + BINARY + " and its driver at " + DRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
    }

    /** On CI ({@code CI=true}) the browser tests must run: a missing Chromium is a failure there. */
    static void requireInstalled() {
        if (!isInstalled()) {
            fail(missing());
        }
    }

    /**
     * Skips the browser tests, saying why, where Chromium is not installed (a laptop with only a
     * JDK) and this is not CI, so {@code ./mvnw verify} works anywhere and CI can never silently skip them.
     */
    static final class IfInstalled implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (isInstalled() || "true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("Chromium at " + BINARY);
            }
            String reason = missing() + "; skipped";
            System.out.println("[WARNING] " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    /** A new browser with a fresh profile of its own: a guest of its own, with empty local storage. */
    static ChromeDriver open(Path profiles, String name) {
        Path profile;
        try {
            profile = Files.createDirectories(profiles.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
