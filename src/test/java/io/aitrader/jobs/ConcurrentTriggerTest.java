package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ConcurrentTriggerTest {

    @Test
    void fiftyConcurrentTriggersCreateExactlyOneJob() throws Exception {
        awaitIdle();
        TestPrices.ensure();
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            // Half ask for the same work, half for different work: the limit must hold for both kinds.
            String end = i % 2 == 0 ? "2025-06-06" : "2025-06-05";
            answers.add(pool.submit(() -> {
                start.await();
                return trigger(Map.of("config_path", "configs/jobs_race.json", "start_date", "2025-06-02",
                        "end_date", end, "replace_existing", true));
            }));
        }
        start.countDown();
        List<String> created = new ArrayList<>();
        int existing = 0;
        int conflicts = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            switch (response.statusCode()) {
                case 202 -> created.add(response.jsonPath().getString("job_id"));
                case 200 -> existing++;
                case 409 -> conflicts++;
                default -> throw new AssertionError("unexpected " + response.statusCode() + " " + response.asString());
            }
        }
        pool.shutdown();
        assertEquals(1, created.size(), "exactly one job is created");
        assertEquals(callers, 1 + existing + conflicts);
        assertTrue(conflicts > 0, "triggers for other work while the job is active are refused");
        assertTrue(Set.of("completed").contains(awaitEnd(created.get(0)).getString("status")));
    }
}
