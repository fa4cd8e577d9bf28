package io.aitrader.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.concurrent.WorkerPools;
import io.aitrader.testing.Await;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The endpoints' blocking work (JDBC, file reads) runs on the named worker pool, never on the event loop: the pool's
 * own meter at /q/metrics counts a task for each request, a 404 included.
 */
@QuarkusTest
class BlockingPoolTest {

    private static final String COMPLETED = "worker_pool_completed_total";
    private static final String POOL = "pool_name=\"" + WorkerPools.BLOCKING + "\"";

    @Test
    void everyEndpointReadsTheDatabaseOnTheNamedPool() {
        List<String> paths = List.of("/simulate/jobs", "/simulate/status/no-such-job", "/simulate/audit", "/health",
                "/prices/coverage", "/models", "/results?date=2025-01-02", "/dashboard/fragments/jobs");
        double before = MetricsScrape.take().sum(COMPLETED, POOL);
        for (String path : paths) {
            given().get(path).then().statusCode(lessThan(500));
        }
        // a task counts once it has returned, which may be just after its answer was sent
        Await.until(Duration.ofSeconds(10), () -> MetricsScrape.take().sum(COMPLETED, POOL) - before >= paths.size(),
                paths.size() + " tasks on the " + WorkerPools.BLOCKING + " pool");
    }
}
