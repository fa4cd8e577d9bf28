package io.aitrader.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.results.PerformanceTestSupport;
import io.aitrader.testing.CostRows;
import io.aitrader.testing.CostRows.Usage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A job's cost in its status and in the job list (contract 9), from model-days written with known figures: the job's
 * cost is the sum of its days', and unknown (null) as soon as one day with model calls has no known cost.
 */
@QuarkusTest
class JobCostStatusTest {

    static final LocalDate D1 = LocalDate.parse("2017-06-05");
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void theStatusSumsTheDaysCostsAndEachDetailHasItsOwn() throws SQLException {
        String jobId = pricedJob();
        given().config(PerformanceTestSupport.DOUBLES).when().get("/simulate/status/" + jobId).then().statusCode(200)
                .body("cost_usd", equalTo(0.012348)) // 0.0123456 + 0.0000025, shown to 6 decimals
                .body("progress.details[0].date", equalTo(D1.toString()))
                .body("progress.details[0].cost_usd", equalTo(0.012346))
                .body("progress.details[0].tokens.input", equalTo(12_000))
                .body("progress.details[0].tokens.cached_input", equalTo(8_000))
                .body("progress.details[0].tokens.output", equalTo(1_500))
                .body("progress.details[1].cost_usd", equalTo(0.000003)) // 0.0000025, half up
                .body("progress.details[2].status", equalTo("skipped"))
                .body("progress.details[2].cost_usd", equalTo(0.0))
                .body("progress.details[2]", not(hasKey("tokens")));
    }

    @Test
    void oneDayOfUnknownCostMakesTheJobsCostUnknown() throws SQLException {
        String jobId = unknownJob();
        given().config(PerformanceTestSupport.DOUBLES).when().get("/simulate/status/" + jobId).then().statusCode(200)
                .body("$", hasKey("cost_usd")).body("cost_usd", nullValue())
                .body("progress.details[0].cost_usd", equalTo(0.5))
                .body("progress.details[1]", hasKey("cost_usd"))
                .body("progress.details[1].cost_usd", nullValue())
                .body("progress.details[1].tokens.cached_input", equalTo(50));
    }

    @Test
    void theJobListShowsEachJobsCostWithoutItsDetails() throws SQLException {
        String priced = pricedJob();
        String unknown = unknownJob();
        JsonPath list = given().config(PerformanceTestSupport.DOUBLES).queryParam("status", "partial")
                .queryParam("limit", 500).when().get("/simulate/jobs").then().statusCode(200).extract().jsonPath();
        String job = "jobs.find { it.job_id == '%s' }";
        assertEquals(0.012348,
                list.getDouble(job.formatted(priced) + ".cost_usd"));
        assertTrue(list.getMap(job.formatted(unknown)).containsKey("cost_usd"));
        assertNull(list.get(job.formatted(unknown) + ".cost_usd"));
        assertNull(list.get(job.formatted(priced) + ".progress.details"));
    }

    @Test
    void theNewFieldsAreDescribedInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/openapi.json").then().statusCode(200)
                .body("components.schemas.JobStatusView.properties.cost_usd.description", not(nullValue()))
                .body("components.schemas.Detail.properties.cost_usd.description", not(nullValue()))
                .body("components.schemas.Detail.properties.tokens.description", not(nullValue()));
    }

    private String pricedJob() throws SQLException {
        CostRows rows = new CostRows(dataSource);
        String jobId = "cost-status-" + UUID.randomUUID();
        rows.job(jobId);
        rows.detail(jobId, "priced", D1, "completed", new Usage(3, 12_000, 8_000, 1_500, 0.0123456));
        rows.detail(jobId, "priced", D2, "completed", new Usage(2, 5_000, 0, 700, 0.0000025));
        rows.detail(jobId, "priced", D3, "skipped", Usage.NONE);
        return jobId;
    }

    private String unknownJob() throws SQLException {
        CostRows rows = new CostRows(dataSource);
        String jobId = "cost-status-" + UUID.randomUUID();
        rows.job(jobId);
        rows.detail(jobId, "unpriced", D1, "completed", new Usage(4, 1_000, 0, 100, 0.5));
        rows.detail(jobId, "unpriced", D2, "failed", new Usage(1, 200, 50, 20, null));
        return jobId;
    }
}
