package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.llm.OpenAiStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Training-window contamination (contract 11): a model whose knowledge cutoff is 2025-08-05 has its days up to then
 * marked in_training_window; the out-of-sample view computes over the days after; a model without a known cutoff is
 * never guessed (null, a warning, left out of that view); a mock learned nothing.
 */
@QuarkusTest
class TrainingWindowTest {

    @Test
    void daysUpToTheCutoffAreMarkedAndTheOutOfSampleViewLeavesThemOut() {
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            var created = trigger(Map.of("config_path", "configs/cards_e2e.json", "start_date", "2025-08-04",
                    "end_date", "2025-08-06", "replace_existing", true)).then().statusCode(202).extract().jsonPath();
            assertTrue(created.getList("warnings", String.class).stream().anyMatch(w -> w.startsWith(
                    "No knowledge cutoff is known for model cards-unknown")), created::prettify);
            assertEquals("completed", awaitEnd(created.getString("job_id")).getString("status"));

            assertEquals(true, window("2025-08-05", "cards-own"));
            assertEquals(false, window("2025-08-06", "cards-own"));
            assertNull(window("2025-08-05", "cards-unknown"), "no cutoff known: no guess");
            assertEquals(false, window("2025-08-04", "cards-mock"));

            JsonPath all = performance(false);
            assertEquals(2, all.getInt(metric("cards-own", "in_training_window_days")));
            assertEquals(0, all.getInt(metric("cards-mock", "in_training_window_days")));
            assertNull(all.get(metric("cards-unknown", "in_training_window_days")));

            JsonPath outside = performance(true);
            List<Object> shown = outside.getList("models.model");
            assertTrue(shown.containsAll(List.of("cards-mock", "cards-own")) && !shown.contains("cards-unknown"),
                    "other tests' models share the dates; the one without a cutoff is left out: " + shown);
            assertEquals(1, outside.getInt(metric("cards-own", "trading_days")));
            assertEquals(0, outside.getInt(metric("cards-own", "in_training_window_days")));
            double before = given().queryParam("date", "2025-08-05").queryParam("model", "cards-own").get("/results")
                    .then().extract().jsonPath().getDouble("results[0].daily_pnl.portfolio_value");
            assertEquals(before, outside.getDouble(metric("cards-own", "starting_portfolio_value")), 0.005,
                    "the out-of-sample series starts from the last day in the window");
            assertEquals(3, outside.getInt(metric("cards-mock", "trading_days")));
            assertTrue(outside.getList("warnings", String.class).stream()
                    .anyMatch(w -> w.startsWith("out_of_sample leaves out") && w.contains("cards-unknown")));
            String page = given().queryParam("start_date", "2025-08-04").queryParam("end_date", "2025-08-06")
                    .get("/dashboard").then().statusCode(200).extract().asString();
            assertTrue(page.contains("2 d in training window"), "the leaderboard marks the remembered days");
            String outOfSample = given().queryParam("start_date", "2025-08-04").queryParam("end_date", "2025-08-06")
                    .queryParam("out_of_sample", "true").get("/dashboard/fragments/performance").then().statusCode(200)
                    .extract().asString();
            assertTrue(outOfSample.contains("name=\"out_of_sample\" value=\"true\" checked")
                    && !outOfSample.contains("data-model=\"cards-unknown\""), "the out-of-sample view");
            String day = given().queryParam("model", "cards-own").queryParam("date", "2025-08-05")
                    .get("/dashboard/fragments/day").then().statusCode(200).extract().asString();
            assertTrue(day.contains("on or before the model's knowledge cutoff"), day);
            given().queryParam("out_of_sample", "maybe").get("/performance").then().statusCode(400)
                    .body("details.field", org.hamcrest.Matchers.equalTo("out_of_sample"));
        }
    }

    private static Boolean window(String date, String model) {
        return given().queryParam("date", date).queryParam("model", model).queryParam("detail", "full")
                .get("/results").then().statusCode(200).extract().path("results[0].in_training_window");
    }

    private static JsonPath performance(boolean outOfSample) {
        return given().queryParam("start_date", "2025-08-04").queryParam("end_date", "2025-08-06")
                .queryParam("out_of_sample", String.valueOf(outOfSample)).get("/performance").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String metric(String model, String name) {
        return "models.find { it.model == '" + model + "' }.metrics." + name;
    }
}
