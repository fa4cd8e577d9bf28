package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** replace_existing swaps a day's result; later days computed from the old result are reported stale until rerun. */
@QuarkusTest
class ReplaceExistingTest {

    @Test
    void replacingADayMarksLaterDaysStaleUntilTheyRunAgain() {
        awaitIdle();
        TestPrices.ensure();
        run("2025-02-03", "2025-02-05");
        String firstJob = given().queryParam("date", "2025-02-03").queryParam("model", "stale-mock").get("/results")
                .then().statusCode(200).body("results[0].stale", nullValue()).extract().path("results[0].job_id");

        String replacing = run("2025-02-03", "2025-02-03");
        given().queryParam("date", "2025-02-03").queryParam("model", "stale-mock").get("/results").then()
                .body("results[0].job_id", equalTo(replacing)).body("results[0].stale", nullValue());
        given().queryParam("date", "2025-02-04").queryParam("model", "stale-mock").get("/results").then()
                .body("results[0].stale", equalTo(true));
        given().queryParam("date", "2025-02-05").queryParam("model", "stale-mock").get("/results").then()
                .body("results[0].stale", equalTo(true));

        run("2025-02-04", "2025-02-05");
        given().queryParam("date", "2025-02-05").queryParam("model", "stale-mock").get("/results").then()
                .body("results[0].stale", nullValue());
        assertEquals(false, firstJob.equals(replacing));
    }

    private static String run(String start, String end) {
        String jobId = trigger(Map.of("config_path", "configs/jobs_stale.json", "start_date", start, "end_date", end,
                "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        assertEquals("completed", awaitEnd(jobId).getString("status"));
        return jobId;
    }
}
