package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.prices.TradingCalendar;
import io.aitrader.testing.Await;
import io.aitrader.testing.Jobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** A slow price download shows in the status, over SSE and on the dashboard, and a cancel stops it at once. */
@QuarkusTest
@TestProfile(AlphaVantageProfile.class)
class DownloadProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PREPARING = List.of("pending", "downloading_data");
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    FakeAlphaVantage alphaVantage;

    @Inject
    TradingCalendar calendar;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void script() {
        alphaVantage.reset();
        StandInSeries.serve(alphaVantage, calendar);
    }

    @Test
    void theStatusTheEventsAndTheDashboardFollowTheDownloadSymbolBySymbol() throws Exception {
        alphaVantage.slowly(400).holdAnswers();
        String jobId = trigger(Map.of("config_path", "configs/downloads.json", "start_date", "2025-05-05",
                "end_date", "2025-05-09")).then().statusCode(202).extract().path("job_id");
        CompletableFuture<List<JsonNode>> events = events(jobId);
        Await.pause(500); // the stream is open before the first symbol ends
        alphaVantage.releaseAnswers();

        List<Map<String, Integer>> seen = new ArrayList<>();
        AtomicReference<String> shown = new AtomicReference<>();
        Await.until(Duration.ofSeconds(30), Duration.ofMillis(40), () -> {
            JsonNode status = Jobs.statusNode(jobId);
            Map<String, Integer> download = PREPARING.contains(status.path("status").asText())
                    ? JSON.convertValue(status.path("progress").path("download"), COUNTS)
                    : null;
            if (download != null) {
                seen.add(download);
                if (shown.get() == null && download.get("symbols_done") > 0) {
                    shown.set(given().get("/dashboard/fragments/jobs").then().statusCode(200).extract().asString());
                }
            }
            return status;
        }, status -> !PREPARING.contains(status.path("status").asText()), "the download of job " + jobId + " to end");
        String dashboard = shown.get();

        assertTrue(seen.stream().map(d -> d.get("symbols_left")).distinct().count() >= 3, seen.toString());
        int previousLeft = Integer.MAX_VALUE;
        for (Map<String, Integer> download : seen) {
            assertEquals(8, download.get("symbols_total"), download.toString());
            assertEquals(8, download.get("symbols_done") + download.get("symbols_failed")
                    + download.get("symbols_left"), download.toString());
            assertEquals(1000, download.get("requests_per_minute"));
            assertTrue(download.get("eta_seconds") >= 0, download.toString());
            assertTrue(download.get("symbols_left") <= previousLeft, "symbols_left never grows: " + seen);
            previousLeft = download.get("symbols_left");
        }
        assertTrue(dashboard != null && dashboard.matches("(?s).*Downloading prices [1-8] / 8 symbols · ETA \\d+ s.*"),
                String.valueOf(dashboard));
        assertTrue(dashboard.contains("aria-label=\"Price download\""), dashboard);

        assertEquals("completed", awaitEnd(jobId).getString("status"));
        assertNull(Jobs.status(jobId).get("progress.download"), "shown only while downloading");
        List<JsonNode> symbolEvents = events.get(30, TimeUnit.SECONDS).stream()
                .filter(e -> "download".equals(e.path("type").asText()) && e.has("symbol")).toList();
        assertEquals(AlphaVantageProfile.SYMBOLS, symbolEvents.stream().map(e -> e.path("symbol").asText()).toList(),
                "one event per symbol: " + symbolEvents);
        assertTrue(symbolEvents.stream().allMatch(e -> e.path("status").asText().equals("downloaded")));
    }

    @Test
    void aCancelDuringTheDownloadStopsItAtOnce() {
        alphaVantage.slowly(5_000);
        String jobId = trigger(Map.of("config_path", "configs/downloads.json", "start_date", "2025-07-07",
                "end_date", "2025-07-11")).then().statusCode(202).extract().path("job_id");
        Await.until(Duration.ofSeconds(30), Duration.ofMillis(20), () -> alphaVantage.requestCount() > 0,
                "the download to start");
        Await.pause(200); // the first answer is on its way: 5 s late

        long cancelledAt = System.nanoTime();
        given().post("/simulate/cancel/" + jobId).then().statusCode(200).body("status", equalTo("cancelled"));
        Duration left = Duration.ofSeconds(2).minusNanos(System.nanoTime() - cancelledAt);
        Await.until(left, Duration.ofMillis(20), () -> Jobs.statusNode(jobId),
                status -> StreamSupport.stream(status.path("warnings").spliterator(), false)
                        .anyMatch(w -> w.asText().contains("stopped: cancelled")),
                "the preparation to end within 2 s of the cancel");
        Await.pause(1_000);

        assertEquals(1, alphaVantage.requestCount(), "no request after the cancel: " + alphaVantage.symbolsAsked());
        JsonPath status = Jobs.status(jobId);
        assertEquals("cancelled", status.getString("status"));
        assertEquals(5, status.getInt("progress.cancelled"), status::prettify);
        assertFalse(status.getList("warnings", String.class).stream().anyMatch(w -> w.contains("skipped")),
                "cancelled days are not also skipped");
    }

    /** Collects the job's SSE events until its stream ends. */
    private CompletableFuture<List<JsonNode>> events(String jobId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("simulate/events/" + jobId))
                .timeout(Duration.ofSeconds(60)).GET().build();
        return CompletableFuture.supplyAsync(() -> {
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                List<JsonNode> data = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.startsWith("data:")) {
                            data.add(JSON.readTree(line.substring(5).trim()));
                        }
                    }
                }
                return data;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
