package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import io.aitrader.prices.SamplePrices;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;

/** Drives the service over HTTP for performance and dashboard tests: real prices in, jobs run, waits. */
public final class PerformanceTestSupport {

    /** The shipped sample's QQQ file (plain Alpha Vantage JSON). */
    public static final String QQQ_FILE = SamplePrices.FILES.get(2);
    /** Decimals as doubles: rest-assured's default floats lose the fourth decimal of large percentages. */
    public static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    public static final List<String> ENDED = List.of("completed", "partial", "failed", "cancelled");

    private PerformanceTestSupport() {
    }

    /** Imports the sample's real 2025 files in their fixed order (the newer import wins on the overlap). */
    public static void importRealPrices() {
        for (String name : SamplePrices.FILES) {
            given().contentType(name.endsWith(".jsonl") ? "application/x-ndjson" : "application/json")
                    .queryParam("name", name).body(SamplePrices.content(name)).when()
                    .post("/prices/import").then().statusCode(200).body("rejected", equalTo(0));
        }
    }

    public static String trigger(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/simulate/trigger").then()
                .statusCode(202).extract().path("job_id");
    }

    public static JsonPath status(String jobId) {
        return given().when().get("/simulate/status/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    /** Polls until the job ends; fails the test after two minutes. */
    public static JsonPath awaitEnd(String jobId) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath status = status(jobId);
            if (ENDED.contains(status.getString("status"))) {
                return status;
            }
            pause(50);
        }
        throw new AssertionError("job " + jobId + " did not end in two minutes: " + status(jobId).prettify());
    }

    /** Waits until no job is active, so a trigger is not refused by another test's job. */
    public static void awaitIdle() {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> statuses = given().queryParam("limit", 500).when().get("/simulate/jobs").then()
                    .statusCode(200).extract().jsonPath().getList("jobs.status");
            if (statuses.stream().noneMatch(s -> List.of("pending", "running", "downloading_data").contains(s))) {
                return;
            }
            pause(100);
        }
        throw new AssertionError("jobs stayed active for two minutes");
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
