package io.aitrader.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Jobs driven over HTTP with rest-assured, so the same calls reach the packaged app when a {@code *IT} extends a
 * {@code *Test}: trigger, status, and the waits for a job's end and for no job to be active. The waits read each
 * answer with Jackson and without rest-assured's failure log: its Groovy JSON parser and pretty-printer, every 20-50
 * ms, took a fifth of the test JVM's CPU from the app the test waits for.
 */
public final class Jobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The statuses of a job that may still change (contract 2.2). */
    public static final List<String> ACTIVE = List.of("pending", "downloading_data", "running");
    /** The final statuses of a job (contract 2.2). */
    public static final List<String> ENDED = List.of("completed", "partial", "failed", "cancelled");
    /** The statuses of a model-day that may still change: it is still to run in its job. */
    public static final List<String> DAY_OPEN = List.of("pending", "running");
    /** How long a test job may take to end unless the test says otherwise (generous: CI machines are shared). */
    public static final Duration RUN = Duration.ofMinutes(2);

    private Jobs() {
    }

    public static boolean ended(String status) {
        return ENDED.contains(status);
    }

    /** How many of the job's model-days of {@code model} have the status {@code dayStatus}. */
    public static long countDays(JsonPath status, String model, String dayStatus) {
        List<Map<String, Object>> details = status.getList("progress.details");
        return details.stream().filter(d -> model.equals(d.get("model")) && dayStatus.equals(d.get("status")))
                .count();
    }

    /** As {@link #countDays(JsonPath, String, String)}, on a {@link #statusNode(String)}. */
    public static long countDays(JsonNode status, String model, String dayStatus) {
        return StreamSupport.stream(status.path("progress").path("details").spliterator(), false)
                .filter(d -> model.equals(d.path("model").asText()) && dayStatus.equals(d.path("status").asText()))
                .count();
    }

    public static Response trigger(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/simulate/trigger");
    }

    public static Response trigger(String rawBody) {
        return given().contentType(ContentType.JSON).body(rawBody).when().post("/simulate/trigger");
    }

    /** Triggers a job that must be created (202) and returns its id. */
    public static String start(Map<String, ?> body) {
        return trigger(body).then().statusCode(202).extract().path("job_id");
    }

    public static JsonPath status(String jobId) {
        return new JsonPath(statusText(jobId));
    }

    /** The job's status as Jackson reads it, for a poll that looks at a few fields. */
    public static JsonNode statusNode(String jobId) {
        return read(statusText(jobId));
    }

    private static String statusText(String jobId) {
        return unlogged(given()).when().get("/simulate/status/" + jobId).then().statusCode(200).extract().asString();
    }

    /**
     * Without rest-assured's log-if-validation-fails (Quarkus turns it on): it pretty-prints every answer in case
     * one fails, which cost the polls more than the request.
     */
    private static RequestSpecification unlogged(RequestSpecification request) {
        return request.config(RestAssured.config().logConfig(LogConfig.logConfig()));
    }

    /** Polls until the job ends and returns its status; fails after {@link #RUN}. */
    public static JsonPath awaitEnd(String jobId) {
        return awaitEnd(jobId, RUN);
    }

    public static JsonPath awaitEnd(String jobId, Duration within) {
        return new JsonPath(awaitEnd(jobId, within, () -> statusText(jobId)));
    }

    /**
     * Polls {@code status}, the job's status answer as text however it is asked for (a packaged app's own client,
     * say), until the job has ended; returns that answer. Fails after {@code within}.
     */
    public static String awaitEnd(String jobId, Duration within, Await.Probe<String> status) {
        return Await.until(within, status, text -> ended(read(text).path("status").asText()),
                "job " + jobId + " to end");
    }

    /**
     * Cancels the job unless it has ended, and waits until it has and its running model-day has stopped too (at its
     * next step), so that nothing of it runs into the next test.
     */
    public static void cancel(String jobId) {
        int code = given().post("/simulate/cancel/" + jobId).then().extract().statusCode();
        if (code != 200 && code != 409) { // 409: it had ended
            throw new AssertionError("cancel " + jobId + " answered " + code);
        }
        awaitEnd(jobId);
        Await.until(RUN, () -> statusNode(jobId).path("progress").path("details").findValuesAsText("status"),
                days -> !days.contains("running"), "job " + jobId + " to stop its running day");
    }

    /** Waits until no job is active, so a test's trigger is not refused by another test's job. */
    public static void awaitIdle() {
        awaitIdle(RestAssured::given);
    }

    /** As {@link #awaitIdle()}, with requests that {@code request} prepares (an API key, say). */
    public static void awaitIdle(Supplier<RequestSpecification> request) {
        Await.until(Duration.ofMinutes(2), Duration.ofMillis(100), () -> active(request), List::isEmpty,
                "no job to be active");
    }

    /** The active jobs among the newest 500, as "id status". */
    private static List<String> active(Supplier<RequestSpecification> request) {
        JsonNode jobs = read(unlogged(request.get()).queryParam("limit", 500).when().get("/simulate/jobs").then()
                .statusCode(200).extract().asString()).path("jobs");
        return StreamSupport.stream(jobs.spliterator(), false)
                .filter(job -> ACTIVE.contains(job.path("status").asText()))
                .map(job -> job.path("job_id").asText() + " " + job.path("status").asText()).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
