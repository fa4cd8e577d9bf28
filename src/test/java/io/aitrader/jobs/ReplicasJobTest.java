package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Replicas end to end (contract 11): a mock with replicas: 3 runs as three chains with seeds 12, 13, 14 — the first
 * trades exactly as a lone mock with seed 12 — and /performance groups them with the mean, standard deviation and t
 * interval recomputed here; the trigger's replicas wins for every model; bad counts are 400s.
 */
@QuarkusTest
class ReplicasJobTest {

    static final String FROM = "2025-08-04";
    static final String TO = "2025-08-08";
    /** Student's t(0.975, 2), NIST/SEMATECH e-Handbook table 1.3.6.7.2. */
    static final double T_975_2 = 4.303;

    @Test
    void aModelWithReplicasRunsAsIndependentChainsGroupedInPerformance() {
        awaitIdle();
        TestPrices.ensure();
        String jobId = trigger(Map.of("config_path", "configs/replicas_e2e.json", "start_date", FROM, "end_date", TO,
                "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        JsonPath status = awaitEnd(jobId);
        assertEquals("completed", status.getString("status"), status::prettify);
        assertEquals(List.of("rep-mock#1", "rep-mock#2", "rep-mock#3", "rep-solo", "rep-equal"),
                status.getList("models"));
        assertEquals(25, status.getInt("progress.total_model_days"));

        JsonPath report = given().queryParam("start_date", FROM).queryParam("end_date", TO).get("/performance")
                .then().statusCode(200).extract().jsonPath();
        List<Double> values = List.of(1, 2, 3).stream().map(k -> report.getDouble(
                "models.find { it.model == 'rep-mock#" + k + "' }.metrics.ending_portfolio_value")).toList();
        assertEquals(report.getDouble("models.find { it.model == 'rep-solo' }.metrics.ending_portfolio_value"),
                values.get(0), "replica 1 has seed 11 + 1 = 12, as the lone mock");
        assertTrue(Set.copyOf(values).size() > 1, "the replicas' seeds differ, and so do their books: " + values);

        List<Double> returns = List.of(1, 2, 3).stream().map(k -> report.getDouble(
                "models.find { it.model == 'rep-mock#" + k + "' }.metrics.period_return_pct")).toList();
        double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double stdev = Math.sqrt(returns.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / 2);
        Map<String, Object> group = report.getMap("groups.find { it.model == 'rep-mock' }");
        assertEquals(3, group.get("replicas"));
        assertEquals(List.of("rep-mock#1", "rep-mock#2", "rep-mock#3"), group.get("members"));
        assertEquals(mean, report.getDouble("groups.find { it.model == 'rep-mock' }.period_return_pct.mean"), 1e-4);
        assertEquals(stdev, report.getDouble("groups.find { it.model == 'rep-mock' }.period_return_pct.stdev"), 1e-4);
        double half = T_975_2 * stdev / Math.sqrt(3);
        assertEquals(mean + half, report.getDouble("groups.find { it.model == 'rep-mock' }.period_return_pct.ci95[1]"),
                1e-3 + stdev * 1e-3);
        List<String> groups = report.getList("groups.model", String.class);
        assertTrue(groups.contains("rep-mock") && !groups.contains("rep-solo") && !groups.contains("rep-equal#1"),
                "models without replicas form no group: " + groups);
    }

    @Test
    void theTriggersReplicasWinForEveryModelAndBadCountsAre400s() {
        awaitIdle();
        TestPrices.ensure();
        String jobId = trigger(Map.of("config_path", "configs/replicas_e2e.json", "start_date", FROM, "end_date",
                FROM, "replace_existing", true, "replicas", 2, "models", List.of("rep-mock", "rep-equal")))
                .then().statusCode(202).extract().path("job_id");
        JsonPath status = awaitEnd(jobId);
        assertEquals(List.of("rep-mock#1", "rep-mock#2", "rep-equal#1", "rep-equal#2"), status.getList("models"));
        int jobs = given().queryParam("limit", 200).get("/simulate/jobs").then().extract().jsonPath()
                .getList("jobs").size();
        for (Object bad : List.of(0, 101, 1.5, "three")) {
            JsonPath refused = trigger(Map.of("config_path", "configs/replicas_e2e.json", "replicas", bad)).then()
                    .statusCode(400).extract().jsonPath();
            assertEquals("invalid_parameter", refused.getString("error"));
            assertEquals("replicas", refused.getString("details.field"));
        }
        assertEquals(jobs, given().queryParam("limit", 200).get("/simulate/jobs").then().extract().jsonPath()
                .getList("jobs").size(), "a refused trigger creates no job");
    }
}
