package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.platform.database.Storage;
import io.aitrader.testing.CostRows;
import io.aitrader.testing.CostRows.Usage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tokens and cost (contract 9) in /results, /reasoning and /performance, from rows written with known figures: the
 * sums, the six-decimal half-up rounding, and null wherever a day with model calls has an unknown cost.
 */
@QuarkusTest
public class CostViewTest {

    public static final String PRICED = "cost-priced";
    public static final String UNKNOWN = "cost-unknown";
    public static final String FREE = "cost-free";
    /** A week no other test stores results in. */
    public static final LocalDate D1 = LocalDate.parse("2017-06-05");
    public static final LocalDate D2 = D1.plusDays(1);
    public static final LocalDate D3 = D1.plusDays(2);

    @Inject
    @Storage
    DataSource dataSource;

    @BeforeEach
    void seed() throws SQLException {
        seedResults(new CostRows(dataSource), "cost-view-" + UUID.randomUUID());
    }

    /** The results behind these tests and the dashboard's; each call replaces the previous ones. */
    public static void seedResults(CostRows rows, String jobId) throws SQLException {
        rows.job(jobId);
        rows.result(jobId, PRICED, D1, new Usage(3, 12_000, 8_000, 1_500, 0.0123456), new long[]{7_000, 5_000, 900},
                new long[]{5_000, 3_000, 600});
        rows.result(jobId, PRICED, D2, new Usage(2, 5_000, 0, 700, 0.0000025));
        rows.result(jobId, PRICED, D3, Usage.NONE);
        rows.result(jobId, UNKNOWN, D1, new Usage(4, 1_000, 0, 100, 0.5));
        rows.result(jobId, UNKNOWN, D2, new Usage(1, 200, 50, 20, null), new long[]{200, 50, 20});
        rows.result(jobId, FREE, D1, new Usage(5, 300, 0, 40, 0.0));
    }

    @Test
    void fullResultsShowTheDaysTokensAndCostRoundedHalfUpToSixDecimals() {
        given().config(PerformanceTestSupport.DOUBLES).queryParam("date", D1.toString()).queryParam("model", PRICED)
                .queryParam("detail", "full").when().get("/results").then().statusCode(200)
                .body("results[0].ai_reasoning.tokens.input", equalTo(12_000))
                .body("results[0].ai_reasoning.tokens.cached_input", equalTo(8_000))
                .body("results[0].ai_reasoning.tokens.output", equalTo(1_500))
                .body("results[0].ai_reasoning.cost_usd", equalTo(0.012346));
        given().config(PerformanceTestSupport.DOUBLES).queryParam("date", D2.toString()).queryParam("model", PRICED)
                .queryParam("detail", "full").when().get("/results").then().statusCode(200)
                .body("results[0].ai_reasoning.cost_usd", equalTo(0.000003)); // 0.0000025, half up
    }

    @Test
    void anUnknownCostIsNullAndADayWithoutRecordedUsageHasNeither() {
        given().queryParam("date", D2.toString()).queryParam("model", UNKNOWN).queryParam("detail", "full").when()
                .get("/results").then().statusCode(200)
                .body("results[0].ai_reasoning", hasKey("cost_usd"))
                .body("results[0].ai_reasoning.cost_usd", nullValue())
                .body("results[0].ai_reasoning.tokens.input", equalTo(200))
                .body("results[0].ai_reasoning.tokens.cached_input", equalTo(50))
                .body("results[0].ai_reasoning.tokens.output", equalTo(20));
        given().queryParam("date", D3.toString()).queryParam("model", PRICED).queryParam("detail", "full").when()
                .get("/results").then().statusCode(200)
                .body("results[0].ai_reasoning.tokens", nullValue())
                .body("results[0].ai_reasoning.cost_usd", nullValue());
        given().queryParam("date", D1.toString()).queryParam("model", PRICED).when().get("/results").then()
                .statusCode(200).body("results[0]", not(hasKey("ai_reasoning")));
    }

    @Test
    void reasoningShowsCachedTokensPerMessageAndTheSessionsCost() {
        given().config(PerformanceTestSupport.DOUBLES).queryParam("date", D1.toString()).queryParam("model", PRICED)
                .queryParam("full", "true").when().get("/reasoning").then().statusCode(200)
                .body("count", equalTo(1))
                .body("sessions[0].tokens.input", equalTo(12_000))
                .body("sessions[0].tokens.cached_input", equalTo(8_000))
                .body("sessions[0].tokens.output", equalTo(1_500))
                .body("sessions[0].cost_usd", equalTo(0.012346))
                .body("sessions[0].messages[0].input_tokens", equalTo(7_000))
                .body("sessions[0].messages[0].cached_input_tokens", equalTo(5_000))
                .body("sessions[0].messages[1].cached_input_tokens", equalTo(3_000))
                .body("sessions[0].messages[1].output_tokens", equalTo(600));
        given().queryParam("date", D2.toString()).queryParam("model", UNKNOWN).when().get("/reasoning").then()
                .statusCode(200).body("sessions[0]", hasKey("cost_usd")).body("sessions[0].cost_usd", nullValue())
                .body("sessions[0].tokens.cached_input", equalTo(50));
    }

    @Test
    void performanceSumsTheModelsCostAndTokensAndDividesByItsModelDays() {
        given().config(PerformanceTestSupport.DOUBLES).queryParam("start_date", D1.toString())
                .queryParam("end_date", D3.toString()).queryParam("model", PRICED).when().get("/performance").then()
                .statusCode(200)
                .body("models[0].metrics.trading_days", equalTo(3))
                .body("models[0].metrics.cost_usd", equalTo(0.012348)) // 0.0123456 + 0.0000025 + nothing recorded
                .body("models[0].metrics.tokens.input", equalTo(17_000))
                .body("models[0].metrics.tokens.cached_input", equalTo(8_000))
                .body("models[0].metrics.tokens.output", equalTo(2_200))
                .body("models[0].metrics.cost_per_model_day_usd", equalTo(0.004116)); // 0.0123481 / 3
    }

    @Test
    void oneDayOfUnknownCostMakesThePeriodsCostUnknownButKeepsItsTokens() {
        given().queryParam("start_date", D1.toString()).queryParam("end_date", D3.toString())
                .queryParam("model", UNKNOWN).when().get("/performance").then().statusCode(200)
                .body("models[0].metrics", hasKey("cost_usd"))
                .body("models[0].metrics.cost_usd", nullValue())
                .body("models[0].metrics", hasKey("cost_per_model_day_usd"))
                .body("models[0].metrics.cost_per_model_day_usd", nullValue())
                .body("models[0].metrics.tokens.input", equalTo(1_200))
                .body("models[0].metrics.tokens.cached_input", equalTo(50))
                .body("models[0].metrics.tokens.output", equalTo(120));
        given().config(PerformanceTestSupport.DOUBLES).queryParam("start_date", D1.toString())
                .queryParam("end_date", D3.toString()).queryParam("model", FREE).when().get("/performance").then()
                .statusCode(200).body("models[0].metrics.cost_usd", equalTo(0.0))
                .body("models[0].metrics.cost_per_model_day_usd", equalTo(0.0));
    }

    @Test
    void theNewFieldsAreDescribedInTheOpenApiDocument() {
        given().queryParam("format", "json").when().get("/openapi.json").then().statusCode(200)
                .body("components.schemas.MetricsView.properties.cost_usd.description", containsString("null"))
                .body("components.schemas.MetricsView.properties.tokens.description", not(nullValue()))
                .body("components.schemas.MetricsView.properties.cost_per_model_day_usd.description",
                        containsString("trading_days"))
                .body("components.schemas.TokenCounts.properties.cached_input.description", not(nullValue()))
                .body("components.schemas.ReasoningSession.properties.cost_usd.description", not(nullValue()))
                .body("components.schemas.Message.properties.cached_input_tokens.description", not(nullValue()));
    }
}
