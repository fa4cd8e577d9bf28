package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.start;
import static io.aitrader.testing.Jobs.status;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Two jobs may run at once (MAX_CONCURRENT_JOBS=2), yet a model-day pending or running in one is never planned by
 * another trigger: it is skipped there, naming the job that runs it. The model answers each call after 300 ms (a day
 * takes at least three calls), so the first job's days from 10-06 on are still to run while the tests trigger.
 */
@QuarkusTest
@TestProfile(TwoJobsProfile.class)
class OverlappingTriggerTest {

    private static final String CONFIG = "configs/jobs_overlap.json";
    private static final String MODEL = "overlap-mock";
    /** The first job's dates, and those of them the other triggers ask for again. */
    private static final List<String> FIRST = List.of("2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06",
            "2025-10-07", "2025-10-08", "2025-10-09", "2025-10-10");
    private static final List<String> OVERLAP = List.of("2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09",
            "2025-10-10");

    @Inject
    @Storage
    DataSource dataSource;

    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void idle() throws SQLException {
        awaitIdle();
        TestPrices.ensure();
        // earlier runs left this model's days in the ledger; without them no day is skipped as already completed
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("DELETE FROM trading_days WHERE model = ?")) {
            ps.setString(1, MODEL);
            ps.executeUpdate();
        }
    }

    @AfterEach
    void endJobs() {
        started.forEach(Jobs::cancel);
    }

    @Test
    void overlappingDaysAreSkippedNamingTheJobThatRunsThemAndTheOthersRun() {
        String first = startJob(range("2025-10-01", "2025-10-10", false));

        JsonPath second = trigger(range("2025-10-06", "2025-10-14", false)).then().statusCode(202).extract()
                .jsonPath();
        String secondId = second.getString("job_id");
        started.add(secondId);
        assertEquals(List.of("2025-10-13", "2025-10-14"), second.getList("date_range"), second::prettify);
        assertEquals(2, second.getInt("total_model_days"));
        List<Map<String, Object>> skipped = second.getList("skipped");
        assertEquals(OVERLAP, skipped.stream().map(s -> s.get("date")).toList(), second::prettify);
        for (Map<String, Object> day : skipped) {
            assertEquals(MODEL, day.get("model"));
            assertHeldBy(first, (String) day.get("reason"));
        }

        Map<String, Map<String, Object>> details = detailsByDate(status(secondId));
        assertEquals(new TreeSet<>(List.of("2025-10-06", "2025-10-07", "2025-10-08", "2025-10-09", "2025-10-10",
                "2025-10-13", "2025-10-14")), details.keySet());
        for (String date : OVERLAP) {
            assertEquals("skipped", details.get(date).get("status"), date);
            assertHeldBy(first, (String) details.get(date).get("error"));
        }
        for (String date : List.of("2025-10-13", "2025-10-14")) {
            assertTrue(List.of("pending", "running", "completed").contains(details.get(date).get("status")),
                    date + ": " + details.get(date));
        }
        // the first job keeps running those days itself
        Map<String, Map<String, Object>> firstDays = detailsByDate(status(first));
        for (String date : OVERLAP) {
            assertTrue(List.of("pending", "running", "completed").contains(firstDays.get(date).get("status")),
                    date + ": " + firstDays.get(date));
        }

        JsonPath done = awaitEnd(secondId);
        assertEquals("completed", done.getString("status"), done::prettify);
        assertEquals(2, done.getInt("progress.completed"));
        assertEquals(5, done.getInt("progress.skipped"));
        assertEquals(7, done.getInt("progress.total_model_days"));
    }

    @Test
    void triggersWhoseEveryDayIsHeldAnswerTheOldestHolderAndCreateNoJob() {
        String first = startJob(range("2025-10-01", "2025-10-10", false));
        List<String> before = jobIds();

        Response covered = trigger(range("2025-10-07", "2025-10-09", false));
        assertInProgress(first, covered);
        assertEquals(before, jobIds(), "no job is created for days another job runs");

        // A second job holds 10-13 .. 10-21; with both running the limit (2) is reached.
        String second = startJob(range("2025-10-08", "2025-10-21", false));
        assertEquals("2025-10-13", status(second).getList("date_range").get(0));
        List<String> withSecond = jobIds();
        assertEquals(second, withSecond.get(0));
        assertEquals(before.subList(0, withSecond.size() - 1), withSecond.subList(1, withSecond.size()));

        // Days held by both jobs: answered with the older one, not refused for the limit.
        assertInProgress(first, trigger(range("2025-10-09", "2025-10-20", false)));
        // A day nobody holds yet (10-22) needs a job of its own, which the limit refuses.
        trigger(range("2025-10-20", "2025-10-22", false)).then().statusCode(409)
                .body("current_job_id", equalTo(first));
        assertEquals(withSecond, jobIds(), "neither trigger creates a job");
    }

    @Test
    void replaceExistingDoesNotPlanAnActiveDayTwice() {
        String first = startJob(range("2025-10-01", "2025-10-10", false));

        JsonPath replace = trigger(range("2025-10-01", "2025-10-14", true)).then().statusCode(202).extract()
                .jsonPath();
        String replaceId = replace.getString("job_id");
        started.add(replaceId);
        List<Map<String, Object>> skipped = replace.getList("skipped");
        Set<String> skippedDates = new TreeSet<>();
        for (Map<String, Object> day : skipped) {
            assertHeldBy(first, (String) day.get("reason"));
            skippedDates.add((String) day.get("date"));
        }
        assertTrue(skippedDates.containsAll(OVERLAP), skippedDates.toString());
        List<String> planned = replace.getList("date_range");
        assertTrue(planned.containsAll(List.of("2025-10-13", "2025-10-14")), planned.toString());
        // replace_existing runs again only the first job's days that are no longer pending or running there
        Set<String> all = new TreeSet<>(FIRST);
        all.addAll(List.of("2025-10-13", "2025-10-14"));
        Set<String> partition = new TreeSet<>(planned);
        partition.addAll(skippedDates);
        assertEquals(all, partition);
        assertTrue(planned.stream().noneMatch(skippedDates::contains), planned + " / " + skippedDates);
        detailsByDate(status(first)).forEach((date, day) -> {
            if (Jobs.DAY_OPEN.contains(day.get("status"))) {
                assertTrue(skippedDates.contains(date), date + " is still to run in the first job");
            }
        });

        // replace_existing over days the first job holds only: that job, no new one
        List<String> before = jobIds();
        assertInProgress(first, trigger(range("2025-10-07", "2025-10-10", true)));
        assertEquals(before, jobIds());
    }

    private String startJob(Map<String, Object> body) {
        String jobId = start(body);
        started.add(jobId);
        return jobId;
    }

    private static Map<String, Object> range(String start, String end, boolean replace) {
        Map<String, Object> body = new HashMap<>();
        body.put("config_path", CONFIG);
        body.put("start_date", start);
        body.put("end_date", end);
        body.put("replace_existing", replace);
        return body;
    }

    private static void assertHeldBy(String jobId, String reason) {
        assertTrue(("pending in job " + jobId).equals(reason) || ("running in job " + jobId).equals(reason),
                "reason '" + reason + "' names job " + jobId);
    }

    private static void assertInProgress(String jobId, Response answer) {
        String body = answer.asString();
        assertEquals(200, answer.statusCode(), body);
        assertEquals(jobId, answer.jsonPath().getString("job_id"), body);
        assertEquals("Simulation already in progress", answer.jsonPath().getString("message"), body);
        assertTrue(Jobs.ACTIVE.contains(answer.jsonPath().getString("status")), body);
    }

    private static Map<String, Map<String, Object>> detailsByDate(JsonPath status) {
        Map<String, Map<String, Object>> byDate = new TreeMap<>();
        for (Map<String, Object> day : status.<Map<String, Object>>getList("progress.details")) {
            assertEquals(MODEL, day.get("model"));
            assertFalse(byDate.containsKey((String) day.get("date")), "one row per date: " + day);
            byDate.put((String) day.get("date"), day);
        }
        return byDate;
    }

    /** The newest 50 job ids, newest first: enough to see whether a trigger added one. */
    private static List<String> jobIds() {
        return given().queryParam("limit", 50).when().get("/simulate/jobs").then().statusCode(200).extract()
                .jsonPath().getList("jobs.job_id", String.class);
    }
}
