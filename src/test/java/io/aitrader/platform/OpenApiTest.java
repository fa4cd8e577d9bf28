package io.aitrader.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document: every endpoint is in it, and it passes the checks that tools (Redocly's recommended rules,
 * client generators) make. .ci/openapi-lint runs the real linter on the packaged app.
 */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String API_ERROR = "#/components/schemas/ApiError";

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

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        Set<String> seen = new HashSet<>();
        for (Operation operation : operations(document())) {
            Object id = operation.body().get("operationId");
            assertNotNull(id, operation + " has no operationId");
            assertTrue(id.toString().matches("[a-z]+([A-Z][a-z0-9]*)*"), operation + ": " + id + " is not camelCase");
            assertTrue(seen.add(id.toString()), operation + ": operationId " + id + " is used twice");
        }
    }

    @Test
    void everyOperationDocumentsAClientErrorInTheContractsShape() {
        JsonPath doc = document();
        Map<String, Object> shared = doc.getMap("components.responses");
        for (Operation operation : operations(doc)) {
            Map<String, Object> responses = operation.map("responses");
            List<String> clientErrors = responses.keySet().stream().filter(code -> code.startsWith("4")).toList();
            assertFalse(clientErrors.isEmpty(), operation + " documents no 4xx answer: " + responses.keySet());
            for (String code : clientErrors) {
                Map<String, Object> response = cast(responses.get(code));
                Object ref = response.get("$ref");
                if (ref != null) {
                    response = cast(shared.get(ref.toString().substring("#/components/responses/".length())));
                    assertNotNull(response, operation + " " + code + ": no such shared answer " + ref);
                }
                Map<String, Object> content = cast(response.get("content"));
                assertNotNull(content, operation + " " + code + " has no body");
                Map<String, Object> json = cast(content.get("application/json"));
                assertNotNull(json, operation + " " + code + " is not JSON: " + content.keySet());
                Map<String, Object> schema = cast(json.get("schema"));
                assertEquals(API_ERROR, schema.get("$ref"), operation + " " + code);
            }
        }
    }

    @Test
    void theDocumentNamesItsServer() {
        JsonPath doc = document();
        List<Map<String, Object>> servers = doc.getList("servers");
        assertNotNull(servers, "no servers");
        assertFalse(servers.isEmpty(), "no servers");
        assertEquals("/", servers.get(0).get("url"), "the API is wherever the document is served from");
    }

    @Test
    void everyTagIsDeclaredWithADescription() {
        JsonPath doc = document();
        Map<String, String> declared = new LinkedHashMap<>();
        for (Map<String, Object> tag : doc.<Map<String, Object>>getList("tags")) {
            Object description = tag.get("description");
            assertTrue(description != null && !description.toString().isBlank(), tag + " has no description");
            declared.put(tag.get("name").toString(), description.toString());
        }
        for (Operation operation : operations(doc)) {
            List<String> tags = cast(operation.body().get("tags"));
            assertNotNull(tags, operation + " has no tag");
            for (String tag : tags) {
                assertTrue(declared.containsKey(tag), operation + ": tag " + tag + " is not declared");
            }
        }
    }

    @Test
    void requestBodiesAreRealBodies() {
        // Context parameters (RoutingContext, Sse) must not show up as bodies; GET takes none.
        JsonPath doc = document();
        for (Operation operation : operations(doc)) {
            if (operation.method().equals("get")) {
                assertFalse(operation.body().containsKey("requestBody"), operation + " documents a body");
            }
        }
        assertFalse(doc.getMap("paths.'/simulate/cancel/{job_id}'.post").containsKey("requestBody"),
                "cancel takes no body");
        Map<String, Object> trigger = doc.getMap("paths.'/simulate/trigger'.post.requestBody");
        assertEquals(false, trigger.get("required"), "the trigger's body is optional (contract 2.1)");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        for (String internal : List.of("RoutingContext", "Sse", "OutboundSseEvent")) {
            assertFalse(schemas.containsKey(internal), internal + " leaked into the schemas");
        }
    }

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/openapi.json").then().statusCode(200).extract().jsonPath();
    }

    private static List<Operation> operations(JsonPath doc) {
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, body) -> {
            if (METHODS.contains(method)) {
                operations.add(new Operation(method, path, cast(body)));
            }
        }));
        assertTrue(operations.size() >= 16, "the document lists the API: " + operations.size());
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** One method of one path, named as "get /path" in failures. */
    private record Operation(String method, String path, Map<String, Object> body) {

        Map<String, Object> map(String key) {
            Map<String, Object> value = cast(body.get(key));
            assertNotNull(value, this + " has no " + key);
            return value;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
