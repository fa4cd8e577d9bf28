package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.countDays;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
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
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.testing.Await;
import io.aitrader.testing.Jobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WorkerTest {

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void idle() {
        awaitIdle();
        TestPrices.ensure();
    }

    @Test
    void fastModelRunsAheadOfSlowOneAndBrokenModelFailsAlone() {
        String jobId = trigger(Map.of("config_path", "configs/jobs_worker.json", "start_date", "2025-09-08",
                "end_date", "2025-09-12", "replace_existing", true)).then().statusCode(202).extract().path("job_id");

        AtomicBoolean sawFastAhead = new AtomicBoolean();
        Await.until(Jobs.RUN, Duration.ofMillis(20), () -> {
            JsonNode now = Jobs.statusNode(jobId);
            long fastDone = countDays(now, "worker-fast", "completed");
            long slowDone = countDays(now, "worker-slow", "completed");
            if (fastDone == 5 && slowDone < 2) {
                sawFastAhead.set(true); // no barrier: the fast model finished all days while the slow one is on day 1-2
            }
            return now;
        }, now -> Jobs.ended(now.path("status").asText()), "job " + jobId + " to end");
        JsonPath status = Jobs.status(jobId);

        assertTrue(sawFastAhead.get(),
                "the fast model should finish its five days while the slow model is still early");
        assertEquals("partial", status.getString("status"));
        assertEquals(5, countDays(status, "worker-fast", "completed"));
        assertEquals(5, countDays(status, "worker-slow", "completed"));
        assertEquals(5, countDays(status, "worker-broken", "failed"));
        List<Map<String, Object>> details = status.getList("progress.details");
        details.stream().filter(d -> "worker-broken".equals(d.get("model"))).forEach(d -> {
            String error = String.valueOf(d.get("error"));
            assertFalse(error.isBlank() || error.equals("null"), "a failed day says why");
            assertFalse(error.contains("sk-test-not-a-real-key"), "the key never appears in errors");
        });
    }

    @Test
    void cancelStopsPendingDaysAndAFinishedJobCannotBeCancelled() {
        String jobId = trigger(Map.of("config_path", "configs/jobs_cancel.json", "start_date", "2025-03-03",
                "end_date", "2025-03-14", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        given().post("/simulate/cancel/" + jobId).then().statusCode(200).body("status", equalTo("cancelled"));
        JsonPath ended = awaitEnd(jobId);
        assertEquals("cancelled", ended.getString("status"));
        assertTrue(ended.getInt("progress.cancelled") >= 8, "pending days are cancelled");
        given().post("/simulate/cancel/" + jobId).then().statusCode(409).body("error", equalTo("job_not_active"));
        given().post("/simulate/cancel/no-such-job").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void eventsArriveInOrderAndTheStreamEndsWithTheJob() throws Exception {
        String jobId = trigger(Map.of("config_path", "configs/jobs_race.json", "start_date", "2025-04-01",
                "end_date", "2025-04-03", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("simulate/events/" + jobId))
                .timeout(Duration.ofSeconds(60)).GET().build();
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            try {
                HttpResponse<java.io.InputStream> response = client.send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                List<String> data = new ArrayList<>();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            data.add(line.substring(5).trim());
                        }
                    }
                }
                return data;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> events = lines.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(events.isEmpty());
        String last = events.get(events.size() - 1);
        assertTrue(last.contains("\"type\":\"job\"") && last.contains("\"finished\":true"), last);
        // Whenever the client joins, it sees every day complete, in date order (the snapshot, then live events).
        List<String> completedDates = events.stream().filter(e -> e.contains("\"status\":\"completed\"")
                && e.contains("\"model_day\"")).map(e -> e.replaceAll(".*\"date\":\"([0-9-]+)\".*", "$1"))
                .distinct().toList();
        assertEquals(List.of("2025-04-01", "2025-04-02", "2025-04-03"), completedDates, events.toString());
        assertEquals("completed", awaitEnd(jobId).getString("status"));

        // A finished job's stream sends its final event and ends at once.
        String replay = given().when().get("/simulate/events/" + jobId).then().statusCode(200).extract().asString();
        assertTrue(replay.contains("\"finished\":true"));
        given().when().get("/simulate/events/nope").then().statusCode(404);
    }
}
