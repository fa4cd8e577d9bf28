package io.aitrader.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.aitrader.auth.KeysProfile;
import io.aitrader.results.PerformanceTestSupport;
import io.aitrader.testing.Jobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * With API keys on, the dashboard page comes without data, asks for the key once, keeps it for the tab and sends it
 * with every fragment request and on the live event stream. Skipped without Debian's chromium or the price files.
 */
@QuarkusTest
@TestProfile(KeysProfile.class)
class DashboardKeyBrowserTest {

    static final String RANGE = "?start_date=2025-08-04&end_date=2025-08-08";

    @TestHTTPResource("/")
    URI base;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void browser() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "Debian chromium is not installed");
        // the test's own HTTP calls carry a key; the browser starts without one
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-API-Key", KeysProfile.FILE)
                .build();
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterEach
    void close() throws Exception {
        RestAssured.requestSpecification = null;
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePageAsksForTheKeyOnceAndSendsItWithEveryRequest() throws Exception {
        PerformanceTestSupport.importRealPrices();
        Jobs.awaitIdle();
        String first = Jobs.start(Map.of("config_path", "configs/ops_keys.json", "start_date",
                "2025-08-04", "end_date", "2025-08-08", "replace_existing", true));
        assertEquals("completed", Jobs.awaitEnd(first).getString("status"));

        // Records what every EventSource of the page receives (the page's own handlers still run).
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.streamed = [];
                const Original = window.EventSource;
                window.EventSource = function (url, options) {
                  const source = new Original(url, options);
                  source.addEventListener('message', (e) => window.streamed.push([String(url), e.data]));
                  return source;
                };
                window.EventSource.prototype = Original.prototype;
                """));
        // Without a key: a page shell, no data, and the key form.
        driver.get(base.resolve("/" + RANGE).toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        assertEquals("true", driver.findElement(By.tagName("body")).getAttribute("data-locked"));
        assertTrue(driver.findElement(By.id("key-form")).isDisplayed());
        assertFalse(driver.getPageSource().contains("ops-keys-mock"), "no data before the key");

        // A wrong key is refused and asked for again.
        driver.findElement(By.id("api-key")).sendKeys("not-the-key");
        driver.findElement(By.cssSelector("#key-form button")).click();
        wait.until(d -> d.findElement(By.id("key-note")).getText().contains("refused"));
        assertTrue(driver.findElement(By.id("key-form")).isDisplayed());

        // The right key fills every panel.
        driver.findElement(By.id("api-key")).sendKeys(KeysProfile.WINDMILL);
        driver.findElement(By.cssSelector("#key-form button")).click();
        By row = By.cssSelector("#leaderboard tr.model-row[data-model='ops-keys-mock']");
        wait.until(d -> !d.findElements(row).isEmpty());
        assertEquals("false", driver.findElement(By.tagName("body")).getAttribute("data-locked"));
        assertFalse(driver.findElement(By.id("key-form")).isDisplayed());
        assertEquals(KeysProfile.WINDMILL, js("return sessionStorage.getItem('aitrader.apiKey');"));

        // Asked once: a reload in the same tab loads the data with the kept key, and follows a live job over SSE.
        String slow = Jobs.start(Map.of("config_path", "configs/ops_keys_slow.json",
                "start_date", "2025-08-04", "end_date", "2025-08-08", "replace_existing", true));
        driver.navigate().refresh();
        wait.until(d -> !d.findElements(row).isEmpty());
        assertFalse(driver.findElement(By.id("key-form")).isDisplayed());
        By job = By.cssSelector(".job[data-job-id='" + slow + "']");
        wait.withTimeout(Duration.ofSeconds(60)).until(d -> "completed".equals(d.findElement(job).getAttribute(
                "data-status")));
        wait.until(d -> Boolean.TRUE.equals(js("return window.streamed.some(m => m[0].includes('" + slow
                + "') && m[1].includes('\"finished\":true'));")));
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js("return window.streamed.map(m => m[0]);");
        assertTrue(urls.stream().filter(u -> u.contains(slow)).allMatch(u -> u.contains("api_key=")), urls
                .toString());
        given().get("/simulate/status/" + slow).then().statusCode(200);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
