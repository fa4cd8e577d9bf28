package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ConcurrentTriggerTest {

    @Test
    void fiftyConcurrentTriggersCreateExactlyOneJob() throws Exception {
        awaitIdle();
        TestPrices.ensure();
        List<String> before = jobIds();
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<String> ends = new ArrayList<>();
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            // Half ask for the same work, half for different work: the limit must hold for both kinds. Neither
            // range holds the other, so the job created leaves a day of the other work unplanned.
            String end = i % 2 == 0 ? "2025-06-06" : "2025-06-05";
            String from = i % 2 == 0 ? "2025-06-03" : "2025-06-02";
            ends.add(end);
            answers.add(pool.submit(() -> {
                start.await();
                return trigger(Map.of("config_path", "configs/jobs_race.json", "start_date", from,
                        "end_date", end, "replace_existing", true));
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> answer : answers) {
                responses.add(answer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> created = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            if (responses.get(i).statusCode() == 202) {
                created.add(i);
            }
        }
        assertEquals(1, created.size(), "exactly one trigger creates a job: " + codes(responses));
        String jobId = responses.get(created.get(0)).jsonPath().getString("job_id");
        String createdEnd = ends.get(created.get(0));

        // Every other caller hears of that job: the same work is that job (200), other work is refused (409).
        for (int i = 0; i < callers; i++) {
            Response response = responses.get(i);
            if (i == created.get(0)) {
                continue;
            }
            String answer = i + " (end " + ends.get(i) + "): " + response.statusCode() + " " + response.asString();
            if (ends.get(i).equals(createdEnd)) {
                assertEquals(200, response.statusCode(), answer);
                assertEquals(jobId, response.jsonPath().getString("job_id"), answer);
                assertEquals("Simulation already in progress", response.jsonPath().getString("message"), answer);
            } else {
                assertEquals(409, response.statusCode(), answer);
                assertEquals("conflict", response.jsonPath().getString("error"), answer);
                assertEquals(jobId, response.jsonPath().getString("current_job_id"), answer);
            }
        }
        assertEquals("completed", awaitEnd(jobId).getString("status"));

        // And the service holds that one job more than before, not one per accepted answer.
        List<String> after = jobIds();
        int known = before.isEmpty() ? -1 : after.indexOf(before.get(0));
        List<String> newJobs = known < 0 ? after : after.subList(0, known);
        assertEquals(List.of(jobId), newJobs, "the only job created since the triggers");
    }

    /** Job ids, newest first (a page of 50 is plenty: at most one job is added). */
    private static List<String> jobIds() {
        return given().queryParam("limit", 50).when().get("/simulate/jobs").then().statusCode(200).extract()
                .jsonPath().getList("jobs.job_id", String.class);
    }

    private static List<Integer> codes(List<Response> responses) {
        return responses.stream().map(Response::statusCode).toList();
    }
}
