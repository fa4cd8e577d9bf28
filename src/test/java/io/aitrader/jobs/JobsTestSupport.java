package io.aitrader.jobs;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Drives jobs over HTTP in tests: trigger, wait for the end, read status. */
final class JobsTestSupport {

    static final List<String> ENDED = List.of("completed", "partial", "failed", "cancelled");

    private JobsTestSupport() {
    }

    static Response trigger(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/simulate/trigger");
    }

    static Response trigger(String rawBody) {
        return given().contentType(ContentType.JSON).body(rawBody).when().post("/simulate/trigger");
    }

    static JsonPath status(String jobId) {
        return given().when().get("/simulate/status/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    /** Polls until the job ends; fails the test after a minute. */
    static JsonPath awaitEnd(String jobId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath status = status(jobId);
            if (ENDED.contains(status.getString("status"))) {
                return status;
            }
            pause(50);
        }
        throw new AssertionError("job " + jobId + " did not end within a minute: " + status(jobId).prettify());
    }

    /** Waits until no job is active, so a test's trigger is not refused by another test's job. */
    static void awaitIdle() {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath jobs = given().queryParam("limit", 500).when().get("/simulate/jobs").then().statusCode(200)
                    .extract().jsonPath();
            List<String> statuses = jobs.getList("jobs.status");
            if (statuses.stream().noneMatch(s -> s.equals("pending") || s.equals("running")
                    || s.equals("downloading_data"))) {
                TestPrices.ensure();
                return;
            }
            pause(100);
        }
        throw new AssertionError("jobs stayed active for two minutes");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
