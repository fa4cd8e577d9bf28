package io.aitrader.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyEndpointIsDocumented() {
        JsonPath doc = given().queryParam("format", "json").get("/openapi.json").then().statusCode(200).extract()
                .jsonPath();
        for (String path : new String[]{"/simulate/trigger", "/simulate/status/{job_id}", "/simulate/current",
                "/simulate/jobs", "/simulate/cancel/{job_id}", "/simulate/events/{job_id}", "/results",
                "/prices/import", "/prices/coverage", "/models", "/health"}) {
            if (doc.get("paths.'" + path + "'") == null) {
                throw new AssertionError(path + " is not in the OpenAPI document");
            }
        }
        given().queryParam("format", "json").get("/openapi.json").then()
                .body("paths.'/simulate/trigger'.post.responses.'409'.description", containsString("conflict"));
    }

    @Test
    void theStatusDocumentsTheDownloadProgress() {
        JsonPath doc = given().queryParam("format", "json").get("/openapi.json").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(doc.getString("paths.'/simulate/status/{job_id}'.get.description").contains("progress.download"));
        Map<String, Object> fields = doc.getMap("components.schemas.DownloadProgress.properties");
        assertEquals(Set.of("symbols_total", "symbols_done", "symbols_failed", "symbols_left", "requests_per_minute",
                "eta_seconds"), fields.keySet());
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        given().redirects().follow(true).get("/docs").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthReportsEveryPart() {
        given().get("/health").then().statusCode(200).body("status", equalTo("healthy"))
                .body("database.status", equalTo("up")).body("storage.writable", equalTo(true))
                .body("storage.free_space_mb", notNullValue()).body("worker.status", notNullValue())
                .body("price_data.symbols", notNullValue());
        given().get("/q/health/ready").then().statusCode(200).body(containsString("ai-trader-database"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
