package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.aitrader.testing.Await;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The audit trail of a job with a failing model-day, and of a cancelled job (GET /simulate/audit). */
@QuarkusTest
class AuditTrailTest {

    @Test
    void aFailingModelDayLeavesTheExpectedSequence() {
        awaitIdle();
        TestPrices.ensure();
        String jobId = trigger(Map.of("config_path", "configs/ops_audit_fail.json", "start_date", "2025-08-18",
                "end_date", "2025-08-20", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        assertEquals("partial", awaitEnd(jobId).getString("status"));

        List<Map<String, Object>> entries = entries(jobId);
        assertEquals(List.of("created", "started", "model_day_completed", "model_day_failed", "model_day_completed",
                "finished"), events(entries));
        assertEquals(List.of("2025-08-18", "2025-08-19", "2025-08-20"), entries.subList(2, 5).stream()
                .map(e -> e.get("date")).toList());
        entries.subList(2, 5).forEach(e -> assertEquals("ops-audit-fail", e.get("model")));
        assertTrue(String.valueOf(entries.get(3).get("detail")).contains("outage"), entries.get(3).toString());
        assertTrue(String.valueOf(entries.get(5).get("detail")).startsWith("partial"), entries.get(5).toString());
        assertEquals("3 model-days from configs/ops_audit_fail.json", entries.get(0).get("detail"));
        // every entry names who triggered the job: here the test's own address, as keys are off
        Set<Object> actors = entries.stream().map(e -> e.get("actor")).collect(Collectors.toSet());
        assertEquals(1, actors.size(), actors.toString());
        assertTrue(String.valueOf(actors.iterator().next()).matches("[0-9a-f.:]+"), actors.toString());
        entries.forEach(e -> assertTrue(String.valueOf(e.get("time")).endsWith("Z"), e.toString()));
    }

    @Test
    void aCancelLeavesOneEndPerModelDayAndNamesWhoCancelled() {
        awaitIdle();
        TestPrices.ensure();
        String jobId = trigger(Map.of("config_path", "configs/ops_audit_cancel.json", "start_date", "2025-09-02",
                "end_date", "2025-09-12", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        awaitFirstCompletedDay(jobId);
        given().post("/simulate/cancel/" + jobId).then().statusCode(200).body("status", equalTo("cancelled"));
        awaitEnd(jobId);
        JsonPath status = awaitAllDaysEnded(jobId);

        List<Map<String, Object>> entries = entries(jobId);
        List<String> events = events(entries);
        assertEquals(List.of("created", "started", "model_day_completed"), events.subList(0, 3));
        int cancelled = events.indexOf("cancelled");
        int finished = events.indexOf("finished");
        assertTrue(cancelled > 2 && finished > cancelled, events.toString());
        assertEquals("cancelled", entries.get(finished).get("detail"));
        assertTrue(events.subList(2, cancelled).stream().allMatch(e -> e.equals("model_day_completed")), events
                .toString());
        // after the job's end only the day that was running may still end (the runner stops it at its next step)
        assertTrue(events.subList(finished + 1, events.size()).stream().allMatch(e -> e.equals(
                "model_day_cancelled")) && events.size() - finished - 1 <= 1, events.toString());

        // one end per model-day, matching its final status
        Map<String, String> ends = new HashMap<>();
        entries.stream().filter(e -> String.valueOf(e.get("event")).startsWith("model_day_")).forEach(e -> {
            String previous = ends.put(e.get("date") + "", String.valueOf(e.get("event")).substring(10));
            assertNull(previous, "two ends for " + e);
        });
        List<Map<String, Object>> details = status.getList("progress.details");
        assertEquals(details.size(), ends.size());
        details.forEach(d -> assertEquals(d.get("status"), ends.get(d.get("date")), d.toString()));
        assertTrue(ends.containsValue("cancelled") && ends.containsValue("completed"), ends.toString());
        assertEquals(entries.get(0).get("actor"), entries.get(cancelled).get("actor"));
    }

    @Test
    void theAuditAnswersErrorsInTheContractShape() {
        given().queryParam("job_id", "no-such-job").get("/simulate/audit").then().statusCode(404)
                .body("error", equalTo("not_found"));
        given().queryParam("limit", "0").get("/simulate/audit").then().statusCode(400)
                .body("error", equalTo("invalid_parameter")).body("details.field", equalTo("limit"));
        given().queryParam("offset", "x").get("/simulate/audit").then().statusCode(400)
                .body("error", equalTo("invalid_parameter"));
    }

    @Test
    void withoutAJobTheNewestEntriesComeFirst() {
        awaitIdle();
        TestPrices.ensure();
        String jobId = trigger(Map.of("config_path", "configs/ops_audit_fail.json", "start_date", "2025-08-18",
                "end_date", "2025-08-18", "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        awaitEnd(jobId);
        JsonPath page = given().queryParam("limit", 3).get("/simulate/audit").then().statusCode(200).extract()
                .jsonPath();
        List<Integer> ids = page.getList("entries.id");
        assertEquals(3, ids.size());
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), ids.toString());
        assertEquals("finished", page.getString("entries[0].event"));
        assertEquals(jobId, page.getString("entries[0].job_id"));
        assertNull(page.get("job_id"));
    }

    private static List<Map<String, Object>> entries(String jobId) {
        JsonPath page = given().queryParam("job_id", jobId).get("/simulate/audit").then().statusCode(200)
                .body("job_id", equalTo(jobId)).extract().jsonPath();
        List<Map<String, Object>> entries = new ArrayList<>(page.getList("entries"));
        entries.forEach(e -> assertEquals(jobId, e.get("job_id")));
        return entries;
    }

    private static List<String> events(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> String.valueOf(e.get("event"))).toList();
    }

    private static void awaitFirstCompletedDay(String jobId) {
        Await.until(Duration.ofMinutes(1), Duration.ofMillis(20), () -> events(entries(jobId)),
                events -> events.contains("model_day_completed"), "a model-day of job " + jobId + " to complete");
    }

    /** The day running at the cancel ends shortly after the job; wait for its row. */
    private static JsonPath awaitAllDaysEnded(String jobId) {
        Await.until(Duration.ofMinutes(1), Duration.ofMillis(20), () -> Jobs.statusNode(jobId),
                status -> status.path("progress").path("details").findValuesAsText("status").stream()
                        .noneMatch(Jobs.DAY_OPEN::contains),
                "every model-day of job " + jobId + " to end after the cancel");
        return Jobs.status(jobId);
    }
}
