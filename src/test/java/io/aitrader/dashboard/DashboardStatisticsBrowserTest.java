package io.aitrader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import io.aitrader.results.PerformanceTestSupport;
import io.aitrader.testing.Jobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The statistics in the real browser (contract 11): a mock run as three replicas over real March 2025 prices shows a
 * bootstrap interval under each return, a replicas table with "mean ± half-interval", and a shaded min–max band in
 * the chart; on a phone's width the page still fits.
 */
@QuarkusTest
class DashboardStatisticsBrowserTest {

    static final String RANGE = "?start_date=2025-03-03&end_date=2025-03-28";

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
    void intervalsReplicaGroupsAndTheirBandShowOnLaptopAndPhoneWidths() {
        PerformanceTestSupport.importRealPrices();
        Jobs.awaitIdle();
        String job = Jobs.start(Map.of("config_path", "configs/dash_replicas.json", "start_date", "2025-03-03",
                "end_date", "2025-03-28", "replace_existing", true));
        assertEquals("completed", Jobs.awaitEnd(job).getString("status"));

        for (int width : List.of(1366, 390)) {
            driver.manage().window().setSize(new Dimension(width, 900));
            driver.get(base.resolve("/" + RANGE).toString());
            String interval = driver.findElement(By.cssSelector(
                    "#leaderboard tr.model-row[data-model='dash-rep#1'] .ci")).getText();
            assertTrue(interval.matches("\\[[+-]\\d+\\.\\d{2}, [+-]\\d+\\.\\d{2}\\]"), interval);
            String group = driver.findElement(By.cssSelector("#groups tr.group-row[data-model='dash-rep']")).getText();
            assertTrue(group.contains("±") && group.contains("3"), group);
            assertEquals("1", driver.findElement(By.id("equity-chart")).getAttribute("data-band-count"));
            Object band = driver.executeScript("return Chart.getChart('equity-chart').data.datasets"
                    + ".filter(d => d.band && d.fill === '-1').map(d => d.label);");
            assertEquals(List.of("dash-rep (min–max of 3 replicas)"), band);
            Object overflow = driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 1, "no sideways scrolling at " + width + " px: " + overflow);
        }
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, "no console errors");
    }
}
