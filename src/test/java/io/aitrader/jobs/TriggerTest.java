package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.prices.TradingCalendar;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TriggerTest {

    static final String CONFIG = "configs/jobs_api.json";

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    TradingCalendar calendar;

    @BeforeEach
    void idle() {
        awaitIdle();
        TestPrices.ensure();
    }

    @Test
    void explicitRangeCreatesAJobOfTradingDaysAndAnswersBeforeAnyModelDayRuns() {
        // 2025-07-01..07-08 holds 2025-07-04 (Independence Day) and a weekend: 5 trading days.
        JsonPath created = trigger(Map.of("config_path", CONFIG, "start_date", "2025-07-01", "end_date",
                "2025-07-08", "replace_existing", true)).then().statusCode(202)
                .body("status", equalTo("pending")).body("job_id", notNullValue())
                .extract().jsonPath();
        assertEquals(List.of("2025-07-01", "2025-07-02", "2025-07-03", "2025-07-07", "2025-07-08"),
                created.getList("date_range"));
        assertEquals(List.of("api-mock", "api-equal"), created.getList("models"));
        assertEquals(10, created.getInt("total_model_days"));
        String jobId = created.getString("job_id");
        // The mock answers each call after 250 ms (a day takes at least three calls), so none of its days can have
        // completed yet.
        assertEquals(0, Jobs.countDays(Jobs.status(jobId), "api-mock", "completed"));

        JsonPath done = awaitEnd(jobId);
        assertEquals("completed", done.getString("status"));
        assertEquals(10, done.getInt("progress.completed"));
        assertEquals(10, done.getList("progress.details").size());
        assertTrue(done.getDouble("total_duration_seconds") > 0);
        assertEquals("configs/jobs_api.json", done.getString("config_path"));
    }

    @Test
    void sameWorkTwiceFindsTheRunningJobAndOtherWorkConflicts() {
        Map<String, Object> body = Map.of("config_path", CONFIG, "start_date", "2025-08-04", "end_date",
                "2025-08-08", "replace_existing", true);
        String jobId = trigger(body).then().statusCode(202).extract().path("job_id");

        trigger(body).then().statusCode(200).body("job_id", equalTo(jobId))
                .body("message", equalTo("Simulation already in progress"));
        trigger(Map.of("config_path", CONFIG, "start_date", "2025-08-11", "end_date", "2025-08-12"))
                .then().statusCode(409).body("error", equalTo("conflict"))
                .body("current_job_id", equalTo(jobId)).body("details.current_job_id", equalTo(jobId))
                .body("current_date_range", hasItem("2025-08-04"));
        Jobs.cancel(jobId); // its days are not this test's subject: no need to wait 4 s for them
    }

    @Test
    void completedWorkIsCurrentAndReplaceExistingRunsItAgain() {
        Map<String, Object> range = Map.of("config_path", CONFIG, "start_date", "2025-09-02", "end_date",
                "2025-09-03", "models", List.of("api-equal"));
        JsonPath first = trigger(range).then().extract().jsonPath();
        if (first.getString("job_id") != null) {
            awaitEnd(first.getString("job_id"));
        }
        trigger(range).then().statusCode(200).body("status", equalTo("current"))
                .body("message", equalTo("Simulation already up-to-date"))
                .body("last_simulation_date", notNullValue()).body("next_trading_day", notNullValue());

        Map<String, Object> replace = Map.of("config_path", CONFIG, "start_date", "2025-09-02", "end_date",
                "2025-09-03", "models", List.of("api-equal"), "replace_existing", true);
        String jobId = trigger(replace).then().statusCode(202).body("total_model_days", equalTo(2))
                .extract().path("job_id");
        assertEquals("completed", awaitEnd(jobId).getString("status"));
    }

    @Test
    void resumeStartsAfterEachModelsLastCompletedDay() throws SQLException {
        Map<String, Object> seed = Map.of("config_path", CONFIG, "start_date", "2025-05-01", "end_date",
                "2025-05-02", "models", List.of("api-equal"), "replace_existing", true);
        String seedJob = trigger(seed).then().statusCode(202).extract().path("job_id");
        assertEquals("completed", awaitEnd(seedJob).getString("status"));
        given().queryParam("date", "2025-05-02").queryParam("model", "api-equal").get("/results").then()
                .statusCode(200).body("results.model", equalTo(List.of("api-equal")))
                .body("results[0].job_id", equalTo(seedJob));
        // Other tests of this class leave later days of this model; the resume point is after the latest of any job.
        LocalDate last = lastCompletedDay("api-equal");
        assertFalse(last.isBefore(LocalDate.of(2025, 5, 2)), last.toString());

        java.util.HashMap<String, Object> resume = new java.util.HashMap<>();
        resume.put("config_path", CONFIG);
        resume.put("start_date", null);
        resume.put("end_date", "2025-10-10");
        resume.put("models", List.of("api-equal"));
        JsonPath answer = trigger(resume).then().extract().jsonPath();
        if (answer.getString("job_id") != null) {
            List<String> dates = answer.getList("date_range");
            assertEquals(calendar.nextTradingDay(last).toString(), dates.get(0),
                    "resumes on the trading day after " + last + ": " + dates);
            assertTrue(dates.get(dates.size() - 1).compareTo("2025-10-10") <= 0, dates.toString());
            assertEquals("completed", awaitEnd(answer.getString("job_id")).getString("status"));
        } else {
            assertEquals("current", answer.getString("status"), answer::prettify);
            assertEquals(last.toString(), answer.getString("last_simulation_date"), answer::prettify);
        }
    }

    @Test
    void rejectsEachInvalidTriggerWithItsOwnCode() {
        expect400("{\"start_date\": \"2025-13-01\", \"end_date\": \"2025-10-02\"}", "invalid_date");
        expect400("{\"start_date\": \"2025-02-30\", \"end_date\": \"2025-03-02\"}", "invalid_date");
        expect400("{\"start_date\": \"yesterday\"}", "invalid_date");
        expect400("{\"start_date\": \"2025-10-10\", \"end_date\": \"2025-10-01\"}", "invalid_date_range");
        expect400("{\"start_date\": \"2025-10-01\", \"end_date\": \"2099-01-01\"}", "invalid_date_range");
        expect400("{\"start_date\": \"2025-01-02\", \"end_date\": \"2025-06-30\"}", "range_too_large");
        expect400("{\"models\": [\"no-such-model\"]}", "unknown_model");
        expect400("{\"config_path\": \"../pom.xml\"}", "invalid_config_path");
        expect400("{\"config_path\": \"configs/absent.json\"}", "config_not_found");
        expect400("{\"start_date\": ", "invalid_json");
        expect400("{\"models\": \"api-mock\"}", "invalid_type");
        expect400("{\"replace_existing\": \"perhaps\"}", "invalid_type");
        expect400("{\"start\": \"2025-10-01\"}", "unknown_field");
    }

    private static void expect400(String body, String code) {
        trigger(body).then().statusCode(400).body("error", equalTo(code)).body("message", notNullValue());
    }

    private LocalDate lastCompletedDay(String model) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("SELECT max(date) FROM trading_days WHERE model = ?")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return LocalDate.parse(rs.getString(1));
            }
        }
    }
}
