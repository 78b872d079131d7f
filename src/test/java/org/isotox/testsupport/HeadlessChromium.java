package org.isotox.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven by its chromedriver, for the browser tests. Without chromium a test
 * fails (CI installs it); {@code ISOTOX_SKIP_BROWSER=1} skips instead.
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** A new browser with the window size {@code width}×{@code height} and these further command-line arguments. */
    public static ChromeDriver start(int width, int height, List<String> arguments) {
        return start(options(width, height).addArguments(arguments));
    }

    /**
     * A new browser showing pages as a phone of this CSS-pixel size does (desktop chromium keeps its windows
     * wider than a phone: the page is laid out at the emulated width instead).
     */
    public static ChromeDriver phone(int width, int height) {
        ChromeOptions options = options(width, height);
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        return start(options);
    }

    private static ChromeOptions options(int width, int height) {
        return new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
    }

    private static ChromeDriver start(ChromeOptions options) {
        if ("1".equals(System.getenv("ISOTOX_SKIP_BROWSER"))) {
            Assumptions.abort("ISOTOX_SKIP_BROWSER=1: the browser test is skipped");
        }
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver"
                    + " (apt-get install chromium chromium-driver; .ci/run installs them), or ISOTOX_SKIP_BROWSER=1");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
