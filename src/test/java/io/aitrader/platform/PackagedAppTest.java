package io.aitrader.platform;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The application as a whole over HTTP only (no injection), so {@code PackagedAppIT} runs the same checks against the
 * packaged jar or the native executable: docs, health, models, prices, a mock job end to end, results, errors.
 */
@QuarkusTest
@WithTestResource(PackagedAppData.class)
public class PackagedAppTest {

    @Test
    void healthChecksAreUp() {
        given().when().get("/health").then().statusCode(200).body("status", equalTo("healthy"))
                .body("database.status", equalTo("up")).body("storage.writable", equalTo(true));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void apiDocumentationIsServed() {
        given().when().get("/openapi.json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/simulate/trigger", "/simulate/status/{job_id}", "/results",
                        "/prices/import", "/models"));
        given().when().get("/docs/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void modelsAndPriceCoverageAnswer() {
        given().queryParam("config_path", "packaged_app.json").when().get("/models").then().statusCode(200)
                .body("models.signature", hasItems("packaged-mock", "packaged-qqq"));
        given().when().get("/prices/coverage").then().statusCode(200).body(containsString("AAPL"));
    }

    @Test
    void aMockJobRunsEndToEnd() {
        String jobId = given().contentType(ContentType.JSON)
                .body(Map.of("config_path", "packaged_app.json", "start_date", "2025-10-01", "end_date",
                        "2025-10-03", "replace_existing", true))
                .when().post("/simulate/trigger").then().statusCode(202).body("total_model_days", equalTo(6))
                .extract().path("job_id");
        JsonPath status = awaitEnd(jobId);
        assertEquals("completed", status.getString("status"), status::prettify);
        assertEquals(6, status.getInt("progress.completed"), status::prettify);

        given().queryParam("date", "2025-10-03").queryParam("job_id", jobId).queryParam("detail", "full").when()
                .get("/results").then().statusCode(200).body("results.model", hasItems("packaged-mock", "packaged-qqq"))
                .body("results.find { it.model == 'packaged-qqq' }.positions.QQQ", not(equalTo(0)))
                .body("results.find { it.model == 'packaged-mock' }.ai_reasoning.total_steps", not(equalTo(0)));
        given().when().get("/simulate/jobs").then().statusCode(200).body("jobs.job_id", hasItem(jobId));
        given().when().get("/simulate/current").then().statusCode(200).body("job_id", equalTo(jobId));
    }

    @Test
    void badInputGetsTheContractsErrorShape() {
        given().contentType(ContentType.JSON).body("{\"start_date\": \"2025-13-01\"}").when()
                .post("/simulate/trigger").then().statusCode(400).body("error", equalTo("invalid_date"))
                .body("details.field", equalTo("start_date")).body(not(containsString("Exception")));
        given().when().get("/simulate/status/no-such-job").then().statusCode(404).body("error",
                equalTo("not_found"));
        given().queryParam("date", "2025-10-04").when().get("/results").then().statusCode(404)
                .body("error", equalTo("no_data"));
    }
}
