package io.aitrader.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.jobs.LogCapture;
import io.aitrader.jobs.TestPrices;
import io.aitrader.testing.Jobs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** With API keys on, every documented endpoint but the open ones refuses a request without a valid key. */
@QuarkusTest
@TestProfile(KeysProfile.class)
class ApiKeyFilterTest {

    static final String WRONG = "wrong-key-5f1d9c33e7";
    static final List<String> OPEN = List.of("/health", "/q/health", "/q/health/live", "/q/health/ready",
            "/openapi.json", "/docs");

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyProtectedEndpointRefusesWithoutAKeyAndAcceptsEachKey() {
        List<String[]> endpoints = protectedEndpoints();
        assertTrue(endpoints.size() >= 12, "the OpenAPI document lists the API: " + endpoints.size());
        for (String[] endpoint : endpoints) {
            String method = endpoint[0];
            String path = endpoint[1];
            unauthorized(send(given(), method, path), path, "A valid API key is required");
            unauthorized(send(given().header("X-API-Key", WRONG), method, path), path, "not valid");
            unauthorized(send(given().header("Authorization", "Bearer " + WRONG), method, path), path, "not valid");
            for (String key : KeysProfile.NAMES.keySet()) {
                int viaHeader = send(given().header("X-API-Key", key), method, path).statusCode();
                int viaBearer = send(given().header("Authorization", "Bearer " + key), method, path).statusCode();
                assertNotEquals(401, viaHeader, method + " " + path + " with X-API-Key");
                assertNotEquals(401, viaBearer, method + " " + path + " with a bearer token");
                assertTrue(viaHeader < 500 && viaBearer < 500, method + " " + path + ": " + viaHeader);
            }
        }
    }

    @Test
    void everyProtectedOperationDocumentsTheRefusal() {
        JsonPath doc = given().queryParam("format", "json").get("/openapi.json").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("#/components/schemas/ApiError",
                doc.getString("components.responses." + ApiKeyDocs.UNAUTHORIZED
                        + ".content.'application/json'.schema.$ref"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> {
            String concrete = path.replaceAll("\\{[^}]+}", "no-such-id");
            if (OPEN.contains(concrete) || OpenPaths.isOpen(concrete)) {
                return;
            }
            operations.forEach((method, operation) -> {
                Map<String, Object> refusal = doc.getMap("paths.'" + path + "'." + method + ".responses.'401'");
                assertEquals("#/components/responses/" + ApiKeyDocs.UNAUTHORIZED,
                        refusal == null ? null : refusal.get("$ref"),
                        method + " " + path + " does not document its 401");
            });
        });
    }

    @Test
    void metricsNeedAKeyToo() {
        unauthorized(given().get("/q/metrics"), "/q/metrics", "A valid API key is required");
        given().get("/simulate/status/probe-" + WRONG).then().statusCode(401);
        String metrics = given().header("Authorization", "Bearer " + KeysProfile.FILE).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        assertFalse(metrics.contains(WRONG), "refused paths do not become metric labels");
        assertTrue(metrics.contains("status=\"401\",uri=\"/UNAUTHORIZED\""), "refusals share one label");
    }

    @Test
    void openEndpointsStayOpen() {
        for (String path : OPEN) {
            given().redirects().follow(true).get(path).then().statusCode(200);
        }
    }

    @Test
    void theOpenApiDocumentDeclaresTheOptionalKey() {
        JsonPath doc = given().queryParam("format", "json").get("/openapi.json").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("apiKey", doc.getString("components.securitySchemes.api_key.type"));
        assertEquals("X-API-Key", doc.getString("components.securitySchemes.api_key.name"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertEquals("[{api_key=[]}, {bearer=[]}, {}]", doc.getList("security").toString());
        assertEquals("AI-Trader Server", doc.getString("info.title"));
        assertTrue(doc.getString("info.description").startsWith("Runs LLM trading simulations"));
    }

    @Test
    void onlyTheEventStreamTakesTheKeyAsAQueryParameter() {
        String key = KeysProfile.WINDMILL;
        given().queryParam("api_key", key).get("/simulate/events/no-such-job").then().statusCode(404)
                .body("error", equalTo("not_found"));
        given().queryParam("api_key", WRONG).get("/simulate/events/no-such-job").then().statusCode(401);
        given().queryParam("api_key", key).get("/simulate/jobs").then().statusCode(401);
    }

    @Test
    void dotSegmentsCannotReachAProtectedRouteThroughAnOpenOne() throws IOException {
        for (String path : List.of("/assets/../simulate/jobs", "/health/../simulate/jobs",
                "/docs/%2e%2e/simulate/jobs", "/q/health/../../simulate/jobs")) {
            assertEquals(401, rawStatus(path), path);
        }
    }

    @Test
    void theAuditNamesTheKeyThatTriggered() {
        idleWithPrices();
        String jobId = given().header("X-API-Key", KeysProfile.WINDMILL).contentType("application/json")
                .body(Map.of("config_path", "configs/ops_keys.json", "start_date", "2025-09-02", "end_date",
                        "2025-09-02", "replace_existing", true))
                .post("/simulate/trigger").then().statusCode(202).extract().path("job_id");
        JsonPath audit = given().header("X-API-Key", KeysProfile.BARE).queryParam("job_id", jobId)
                .get("/simulate/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("created", audit.getString("entries[0].event"));
        assertEquals("windmill", audit.getString("entries[0].actor"));
        given().header("X-API-Key", KeysProfile.BARE).get("/simulate/status/" + jobId).then().statusCode(200);
        idleWithPrices();
    }

    /** No job active (asked with a key) and the sample prices in place. */
    private static void idleWithPrices() {
        Jobs.awaitIdle(() -> given().header("X-API-Key", KeysProfile.FILE));
        TestPrices.ensure();
    }

    @Test
    void keysNeverReachTheLog() {
        try (LogCapture capture = LogCapture.install()) {
            given().header("X-API-Key", WRONG).get("/simulate/jobs").then().statusCode(401);
            given().header("Authorization", "Bearer " + WRONG).post("/simulate/trigger").then().statusCode(401);
            given().queryParam("api_key", WRONG).get("/simulate/events/x").then().statusCode(401);
            given().header("X-API-Key", KeysProfile.WINDMILL).get("/simulate/jobs").then().statusCode(200);
            given().header("X-API-Key", KeysProfile.FILE).get("/simulate/status/x").then().statusCode(404);
            for (String secret : List.of(WRONG, KeysProfile.WINDMILL, KeysProfile.BARE, KeysProfile.FILE)) {
                assertFalse(capture.lines.stream().anyMatch(line -> line.contains(secret)),
                        "a key reached the log: " + capture.lines);
            }
        }
    }

    private static void unauthorized(Response response, String path, String message) {
        response.then().statusCode(401).contentType("application/json").body("error", equalTo("unauthorized"))
                .body("message", org.hamcrest.Matchers.containsString(message));
        assertFalse(response.asString().contains(WRONG), path + " echoed the key");
    }

    private static Response send(RequestSpecification request, String method, String path) {
        // a body the endpoints refuse before doing anything, so a test with a valid key changes nothing
        return switch (method) {
            case "post" -> request.contentType("application/json").body("{\"no_such_field\": 1}").post(path);
            default -> request.get(path);
        };
    }

    /** Every operation of the OpenAPI document outside the open paths, path parameters filled with a dummy. */
    private static List<String[]> protectedEndpoints() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/openapi.json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String[]> endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> {
            String concrete = path.replaceAll("\\{[^}]+}", "no-such-id");
            if (OPEN.contains(concrete) || OpenPaths.isOpen(concrete)) {
                return;
            }
            operations.keySet().stream().filter(m -> m.equals("get") || m.equals("post"))
                    .forEach(m -> endpoints.add(new String[]{m, concrete}));
        });
        return endpoints;
    }

    private int rawStatus(String path) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

}
