package io.aitrader.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** GET /reasoning refusals: each in the contract's error shape, never a 500. */
@QuarkusTest
class ReasoningResourceTest {

    @Test
    void aJobOrADateIsRequired() {
        given().when().get("/reasoning").then().statusCode(400).body("error", equalTo("missing_parameter"));
        given().queryParam("model", "gpt-5").when().get("/reasoning").then().statusCode(400)
                .body("error", equalTo("missing_parameter"));
    }

    @Test
    void badParametersAre400() {
        given().queryParam("date", "2025-13-01").when().get("/reasoning").then().statusCode(400)
                .body("error", equalTo("invalid_date")).body("details.field", equalTo("date"));
        given().queryParam("date", "yesterday").when().get("/reasoning").then().statusCode(400)
                .body("error", equalTo("invalid_date"));
        given().queryParam("date", "2025-10-01").queryParam("full", "yes").when().get("/reasoning").then()
                .statusCode(400).body("error", equalTo("invalid_parameter")).body("details.field", equalTo("full"));
    }

    @Test
    void nothingStoredIs404() {
        given().queryParam("job_id", "no-such-job").when().get("/reasoning").then().statusCode(404)
                .body("error", equalTo("no_data")).body("message", containsString("no-such-job"));
        given().queryParam("date", "1999-01-04").queryParam("full", "true").when().get("/reasoning").then()
                .statusCode(404).body("error", equalTo("no_data"));
    }

    @Test
    void theEndpointIsDocumented() {
        given().queryParam("format", "json").when().get("/openapi.json").then().statusCode(200)
                .body("paths.'/reasoning'.get.parameters.name", org.hamcrest.Matchers.hasItems("job_id", "date",
                        "model", "full"))
                .body("paths.'/reasoning'.get.responses.'404'.description", containsString("no_data"))
                .body(not(containsString("sk-")));
    }
}
