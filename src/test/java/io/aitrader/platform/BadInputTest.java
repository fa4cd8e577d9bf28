package io.aitrader.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.jobs.TestPrices;
import io.aitrader.platform.database.Storage;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Malformed requests across the API: each is a 4xx in the contract's error shape and changes nothing. */
@QuarkusTest
class BadInputTest {

    record Bad(String method, String path, String contentType, String body) {
    }

    static final String[] TABLES = {"price_data", "price_imports", "jobs", "job_details", "trading_days",
            "holdings", "actions", "reasoning_logs", "tool_usage"};

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void everyMalformedRequestIsAClear4xxAndChangesNothing() throws SQLException {
        Jobs.awaitIdle();
        TestPrices.ensure();
        Map<String, Long> before = counts();
        List<String> problems = new ArrayList<>();
        for (Bad bad : corpus()) {
            Response response = send(bad);
            int status = response.statusCode();
            String body = response.asString();
            String where = bad.method() + " " + bad.path() + " " + abbreviate(bad.body()) + " → " + status + " "
                    + abbreviate(body);
            if (status < 400 || status >= 500) {
                problems.add("not a 4xx: " + where);
                continue;
            }
            String error = response.jsonPath().getString("error");
            String message = response.jsonPath().getString("message");
            if (error == null || !error.matches("[a-z_]+") || message == null || message.isBlank()) {
                problems.add("not the error shape: " + where);
            }
            if (body.contains("Exception") || body.contains("java.") || body.contains("at io.")) {
                problems.add("leaks internals: " + where);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(before, counts(), "the database changed");
    }

    static List<Bad> corpus() {
        String json = "application/json";
        List<Bad> bad = new ArrayList<>(List.of(
                new Bad("POST", "/simulate/trigger", json, "{"),
                new Bad("POST", "/simulate/trigger", json, "[1,2,3]"),
                new Bad("POST", "/simulate/trigger", json, "\"just a string\""),
                new Bad("POST", "/simulate/trigger", json, "{\"start_date\": 20251001}"),
                new Bad("POST", "/simulate/trigger", json, "{\"start_date\": \"2025-10-01T00:00:00Z\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"start_date\": \"01/10/2025\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"start_date\": \"2025-02-29\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"end_date\": \"2025-10-01'; DROP TABLE jobs; --\"}"),
                new Bad("POST", "/simulate/trigger", json,
                        "{\"start_date\": \"2024-01-02\", \"end_date\": \"2025-10-01\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"models\": [\"' OR 1=1 --\"]}"),
                new Bad("POST", "/simulate/trigger", json, "{\"models\": [42]}"),
                new Bad("POST", "/simulate/trigger", json, "{\"models\": {\"a\": 1}}"),
                new Bad("POST", "/simulate/trigger", json, "{\"models\": [\"\\u0000\\u202e\"]}"),
                new Bad("POST", "/simulate/trigger", json, "{\"replace_existing\": [true]}"),
                new Bad("POST", "/simulate/trigger", json, "{\"config_path\": \"/etc/passwd\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"config_path\": \"configs/../../pom.xml\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"config_path\": \"configs/%2e%2e/pom.xml\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"config_path\": \"configs/nope.json\"}"),
                new Bad("POST", "/simulate/trigger", json, "{\"config_path\": 7}"),
                new Bad("POST", "/simulate/trigger", json, "{\"unknown\": true}"),
                new Bad("POST", "/simulate/trigger", "text/plain", "start please"),
                new Bad("GET", "/simulate/trigger", null, null),
                new Bad("GET", "/simulate/status/does-not-exist", null, null),
                new Bad("GET", "/simulate/status/%27%20OR%201%3D1", null, null),
                new Bad("POST", "/simulate/cancel/does-not-exist", null, null),
                new Bad("GET", "/simulate/jobs?status=sleeping", null, null),
                new Bad("GET", "/simulate/jobs?limit=-1", null, null),
                new Bad("GET", "/simulate/jobs?limit=abc", null, null),
                new Bad("GET", "/simulate/jobs?offset=1e9", null, null),
                new Bad("GET", "/results", null, null),
                new Bad("GET", "/results?date=2025-13-40", null, null),
                new Bad("GET", "/results?date=2025-10-01&detail=everything", null, null),
                new Bad("GET", "/results?date=1999-01-04", null, null),
                new Bad("GET", "/models?config_path=../pom.xml", null, null),
                new Bad("GET", "/models?config_path=configs/missing.json", null, null),
                new Bad("POST", "/prices/import", json, ""),
                new Bad("POST", "/prices/import", json, "not json at all"),
                new Bad("POST", "/prices/import", json, "{\"Meta Data\": {}}"),
                new Bad("POST", "/prices/import", json, "{\"Time Series (Daily)\": {}}"),
                new Bad("DELETE", "/prices/coverage", null, null),
                new Bad("GET", "/no/such/endpoint", null, null)));
        bad.add(new Bad("POST", "/simulate/trigger", json, "{\"models\": [\"" + "x".repeat(100_000) + "\"]}"));
        return bad;
    }

    private static Response send(Bad bad) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (bad.contentType() != null) {
            request = request.contentType(bad.contentType());
        }
        if (bad.body() != null) {
            request = request.body(bad.body());
        }
        return request.request(bad.method(), bad.path());
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    @Test
    void corpusIsLargeEnough() {
        assertFalse(corpus().size() < 30);
    }
}
