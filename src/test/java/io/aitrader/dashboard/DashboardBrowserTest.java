package io.aitrader.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.aitrader.results.PerformanceTestSupport;
import io.aitrader.testing.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dashboard in Debian's headless Chromium (driven through its chromedriver; no browser is ever downloaded), after
 * a multi-model mock job over real 2025 prices. Skipped when /usr/bin/chromium or the shared price files are absent.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final String RANGE = "?start_date=2025-01-02&end_date=2025-02-28";

    @TestHTTPResource("/")
    URI base;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void browser() throws Exception {
        assumeTrue(HeadlessChromium.installed(),
                "Debian chromium and chromium-driver are not installed (apt-get install chromium chromium-driver): "
                        + "browser test skipped");
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterEach
    void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void leaderboardChartAndLiveJobProgressAfterAMockJob() throws Exception {
        PerformanceTestSupport.importRealPrices();
        Jobs.awaitIdle();
        String first = Jobs.start(Map.of("config_path", "configs/dash_real.json", "start_date",
                "2025-01-02", "end_date", "2025-02-14", "replace_existing", true));
        assertEquals("completed", Jobs.awaitEnd(first).getString("status"));

        // The rest of February with slow mocks: the page opens while this job runs.
        String second = Jobs.start(Map.of("config_path", "configs/dash_slow.json", "start_date",
                "2025-02-18", "end_date", "2025-02-28", "replace_existing", true));
        driver.get(base.resolve("/" + RANGE).toString());
        js("window.dashboardMarker = 'no reload';");
        By progress = By.cssSelector(".job[data-job-id='" + second + "'] .job-progress");
        // Fragments are swapped while the job runs: an element found a moment ago may be gone, so look again.
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class);
        int before = done(wait.until(d -> d.findElement(progress)).getText());
        wait.until(d -> done(d.findElement(progress).getText()) > before);
        wait.until(d -> "completed".equals(
                d.findElement(By.cssSelector(".job[data-job-id='" + second + "']")).getAttribute("data-status")));
        assertEquals("no reload", js("return window.dashboardMarker;"), "progress advanced without a reload");
        assertEquals("completed", Jobs.status(second).getString("status"));

        // When the job ended the page refreshed its leaderboard and chart: they now reach 28 February.
        wait.until(d -> String.valueOf(js("const c = window.Chart && Chart.getChart('equity-chart');"
                + " return c ? c.data.labels[c.data.labels.length - 1] : '';")).equals("2025-02-28"));
        List<String> apiOrder = given().queryParam("start_date", "2025-01-02").queryParam("end_date", "2025-02-28")
                .when().get("/performance").then().statusCode(200).extract().jsonPath().getList("models.model");
        assertTrue(apiOrder.containsAll(List.of("mock-momentum", "mock-contrarian-2", "hold-qqq", "equal-weight")),
                apiOrder.toString());
        List<String> leaderboard = driver.findElements(By.cssSelector("#leaderboard tr.model-row")).stream()
                .map(row -> row.getAttribute("data-model")).toList();
        assertEquals(apiOrder, leaderboard, "the leaderboard lists the models in the API's order");
        List<String> costs = driver.findElements(By.cssSelector("#leaderboard tr.model-row td.cost")).stream()
                .map(cell -> cell.getText().trim()).distinct().toList();
        assertEquals(List.of("$0.00"), costs, "mock and builtin models cost nothing");

        long series = ((Number) js("return Chart.getChart('equity-chart').data.datasets.length;")).longValue();
        assertEquals(apiOrder.size() + 1, series, "one series per model plus the benchmark");
        List<String> labels = new ArrayList<>(apiOrder);
        labels.add("QQQ (buy & hold)");
        assertEquals(labels, js("return Chart.getChart('equity-chart').data.datasets.map(d => d.label);"));
        assertEquals(String.valueOf(apiOrder.size() + 1),
                driver.findElement(By.id("equity-chart")).getAttribute("data-series-count"));

        // The per-model-day view follows a click on a model (the last one: the first is shown already).
        String last = leaderboard.get(leaderboard.size() - 1);
        driver.findElement(By.cssSelector("button.model-name[data-model='" + last + "']")).click();
        String dayScript = "const d = document.querySelector('#day-body .day');"
                + " return d ? [d.dataset.model, d.dataset.date, d.innerText] : ['', '', ''];";
        wait.until(d -> {
            List<?> shown = (List<?>) js(dayScript);
            return last.equals(shown.get(0)) && "2025-02-28".equals(shown.get(1))
                    && String.valueOf(shown.get(2)).toUpperCase().contains("REASONING SUMMARY");
        });

        assertEquals("no reload", js("return window.dashboardMarker;"));
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, "no console errors");

        screenshot("target/dashboard.png", 1366);
        screenshot("target/dashboard-phone.png", 390);
    }

    @Test
    void anEmptyRangeSaysSoAndTheChartLibraryIsServedFromTheJar() {
        driver.get(base.resolve("/dashboard?start_date=1999-01-01&end_date=1999-01-31").toString());
        String notice = driver.findElement(By.id("performance-error")).getText();
        assertTrue(notice.contains("No results"), notice);
        assertEquals(Boolean.TRUE, js("return typeof window.Chart === 'function';"), "Chart.js loaded from /webjars");
        given().when().get("/webjars/chart.js/dist/chart.umd.min.js").then().statusCode(200);
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, "no console errors");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static int done(String progressText) {
        return Integer.parseInt(progressText.trim().split(" ")[0]);
    }

    /** The whole page at {@code width} CSS pixels: the window grows to the document's height first. */
    private void screenshot(String file, int width) throws Exception {
        driver.manage().window().setSize(new Dimension(width, 900));
        for (int pass = 0; pass < 3; pass++) { // the chart's height follows the window's, so measure again
            long bottom = ((Number) js("return Math.ceil(document.querySelector('footer').getBoundingClientRect()"
                    + ".bottom + window.scrollY);")).longValue();
            long chrome = driver.manage().window().getSize().getHeight()
                    - ((Number) js("return window.innerHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(bottom + chrome, 6000)));
        }
        js("window.scrollTo(0, 0); const c = window.Chart && Chart.getChart('equity-chart'); if (c) c.resize();");
        Path target = Path.of(file);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
        Log.infof("Dashboard screenshot (%d px wide) saved to %s", width, target.toAbsolutePath());
    }
}
