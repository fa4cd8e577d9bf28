package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Run bundles (contract 9): an ended job exports as one versioned gzip of JSON lines without keys; imported where
 * the job is not (here: after it was deleted, results and all) it stores the job, its model-days and recordings but
 * no results, and a replay of it reproduces the results with no provider call; a malformed, truncated or altered
 * bundle is a 400 and imports nothing.
 */
@QuarkusTest
class BundleTest {

    static final List<String> MODELS = List.of("cost-gpt", "cost-claude", "cost-mock");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void anImportedBundleReplaysToTheSameResultsWithoutAnyProviderCall() throws Exception {
        try (OpenAiStandIn standIn = RecordedJobs.standIn()) {
            String source = RecordedJobs.runSource(MODELS);
            Map<String, String> books = RecordedJobs.books(dataSource, MODELS);
            Response exported = given().when().get("/simulate/jobs/" + source + "/bundle");
            exported.then().statusCode(200).contentType("application/gzip");
            byte[] bundle = exported.asByteArray();
            List<JsonNode> lines = lines(bundle);
            assertEquals("header", lines.get(0).get("type").asText());
            assertEquals(1, lines.get(0).get("version").asInt());
            assertEquals(count("SELECT COUNT(*) FROM model_calls WHERE job_id = ?", source),
                    lines.stream().filter(l -> l.get("type").asText().equals("call")).count());
            assertTrue(lines.stream().anyMatch(l -> l.get("type").asText().equals("price")));
            assertEquals(4, lines.stream().filter(l -> l.get("type").asText().equals("result")
                    && !l.get("model").asText().equals("cost-mock")).count());
            assertFalse(new String(unzip(bundle), StandardCharsets.UTF_8).contains(CostJobTest.KEY), "no key in it");

            update("DELETE FROM jobs WHERE job_id = ?", source); // the other instance has never seen the job
            int sent = standIn.requests.size();
            System.clearProperty("COST_STANDIN_KEY");
            importBundle(bundle).then().statusCode(201).body("job_id", equalTo(source))
                    .body("model_days", equalTo(6)).body("prices_differing", equalTo(0));
            assertEquals(0, count("SELECT COUNT(*) FROM trading_days WHERE job_id = ?", source), "no results");
            importBundle(bundle).then().statusCode(409).body("error", equalTo("job_exists"));

            String replay = trigger(Map.of("replay_of", source)).then().statusCode(202).extract().path("job_id");
            assertEquals("completed", awaitEnd(replay).getString("status"));
            assertEquals(sent, standIn.requests.size(), "the imported bundle replays without the provider");
            assertEquals(books, RecordedJobs.books(dataSource, MODELS), "the published results, reproduced");
        } finally {
            System.setProperty("COST_STANDIN_KEY", CostJobTest.KEY);
        }
    }

    @Test
    void aMalformedTruncatedOrAlteredBundleIsRefusedAndImportsNothing() throws Exception {
        byte[] bundle;
        String source;
        try (OpenAiStandIn standIn = RecordedJobs.standIn()) {
            source = RecordedJobs.runSource(List.of("cost-gpt"));
            bundle = given().when().get("/simulate/jobs/" + source + "/bundle").asByteArray();
        }
        update("DELETE FROM jobs WHERE job_id = ?", source);
        int jobs = count("SELECT COUNT(*) FROM jobs WHERE job_id <> ?", source);

        refused(new byte[0], "invalid_bundle", "the body is empty");
        refused("not a bundle".getBytes(StandardCharsets.UTF_8), "invalid_bundle", "it is not a complete gzip file");
        refused(Arrays.copyOf(bundle, bundle.length / 2), "invalid_bundle", "it is not a complete gzip file");
        refused(edited(bundle, lines -> lines.subList(0, lines.size() - 1), false), "invalid_bundle",
                "it is truncated");
        refused(edited(bundle, lines -> withPriceChanged(lines), false), "invalid_bundle",
                "its content does not match the SHA-256");
        refused(edited(bundle, lines -> withRequestChanged(lines), true), "invalid_bundle",
                "the recorded call cost-gpt");
        refused(edited(bundle, lines -> withVersion(lines, 2), true), "unsupported_bundle_version",
                "This service reads bundles of version 1, not 2");
        given().contentType("application/gzip").body(edited(bundle, lines -> lines.subList(0, 1), true)).when()
                .post("/simulate/bundles").then().statusCode(400).body("error", equalTo("invalid_bundle"));
        assertEquals(0, count("SELECT COUNT(*) FROM jobs WHERE job_id = ?", source), "nothing was imported");
        assertEquals(jobs, count("SELECT COUNT(*) FROM jobs WHERE job_id <> ?", source));
        assertEquals(0, count("SELECT COUNT(*) FROM model_calls WHERE job_id = ?", source));

        given().when().get("/simulate/jobs/no-such-job/bundle").then().statusCode(404)
                .contentType("application/json").body("error", equalTo("not_found"));
        importBundle(bundle).then().statusCode(201); // the untouched bundle still imports
    }

    private static Response importBundle(byte[] bundle) {
        return given().contentType("application/gzip").body(bundle).when().post("/simulate/bundles");
    }

    private static void refused(byte[] body, String code, String reason) {
        given().contentType("application/octet-stream").body(body).when().post("/simulate/bundles").then()
                .statusCode(400).body("error", equalTo(code)).body("message", startsWith(
                        code.equals("invalid_bundle")
                                ? "The bundle is refused, nothing was imported: " + reason
                                : reason));
    }

    /** The bundle with its lines (end line excluded) edited; {@code rehash}: a new, matching end line. */
    private static byte[] edited(byte[] bundle, UnaryOperator<List<JsonNode>> edit, boolean rehash) throws Exception {
        List<JsonNode> all = lines(bundle);
        JsonNode end = all.get(all.size() - 1);
        List<JsonNode> body = edit.apply(new ArrayList<>(all.subList(0, all.size() - 1)));
        StringBuilder text = new StringBuilder();
        body.forEach(line -> text.append(line).append('\n'));
        if (body.size() == all.size() - 2 && !rehash) {
            // truncated: the end line is gone with the last line before it
        } else {
            ObjectNode closing = rehash
                    ? JSON.createObjectNode().put("type", "end").put("lines", body.size())
                            .put("sha256", sha256(text.toString()))
                    : (ObjectNode) end;
            text.append(closing).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static List<JsonNode> withPriceChanged(List<JsonNode> lines) {
        for (JsonNode line : lines) {
            if (line.get("type").asText().equals("price")) {
                ((ObjectNode) line).put("open", line.get("open").asDouble() + 1);
                return lines;
            }
        }
        throw new AssertionError("no price line");
    }

    private static List<JsonNode> withRequestChanged(List<JsonNode> lines) {
        for (JsonNode line : lines) {
            if (line.get("type").asText().equals("call")) {
                ((ObjectNode) line).put("request", line.get("request").asText().replace("AAPL", "MSFT"));
                return lines;
            }
        }
        throw new AssertionError("no call line");
    }

    private static List<JsonNode> withVersion(List<JsonNode> lines, int version) {
        ((ObjectNode) lines.get(0)).put("version", version);
        return lines;
    }

    private static List<JsonNode> lines(byte[] bundle) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(unzip(bundle), StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static byte[] unzip(byte[] bundle) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bundle))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private int count(String sql, String param) throws Exception {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void update(String sql, String param) throws Exception {
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, param);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
