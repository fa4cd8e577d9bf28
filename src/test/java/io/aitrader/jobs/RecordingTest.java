package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.RecordedCall;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.jobs.store.ModelCallRepository;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Recording (contract 9): every exchange with the provider is stored with its model-day, the request exactly as the
 * stand-in received it (without the key, which travels in a header) and the answer exactly as it was sent; a failed
 * day keeps its attempts; mock models call no provider and record nothing.
 */
@QuarkusTest
class RecordingTest {

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    ModelCallRepository calls;

    @Test
    void everyProviderExchangeIsStoredVerbatimWithItsModelDayAlsoWhenTheDayFailed() throws Exception {
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            String jobId = trigger(Map.of("config_path", "configs/llm_e2e.json", "start_date",
                    LlmJobTest.DAYS.get(0), "end_date", LlmJobTest.DAYS.get(1), "replace_existing", true)).then()
                    .statusCode(202).extract().path("job_id");
            awaitEnd(jobId);

            List<OpenAiStandIn.Recorded> received = standIn.requests.stream()
                    .filter(r -> r.path().equals("/v1/chat/completions")).toList();
            assertEquals(6, received.size());
            long bytes = 0;
            for (String date : LlmJobTest.DAYS.subList(0, 2)) {
                List<RecordedCall> day = calls.listByDay(jobId, LlmJobTest.GPT, LocalDate.parse(date));
                assertEquals(List.of(1, 2, 3), day.stream().map(RecordedCall::step).toList(), "two steps, summary");
                for (RecordedCall call : day) {
                    assertEquals(1, call.attempt());
                    assertEquals(200, call.status());
                    assertEquals(standIn.baseUrl() + "/chat/completions", call.url());
                    assertTrue(received.stream().anyMatch(r -> r.body().equals(call.request())),
                            "the request is stored as the provider received it");
                    assertEquals(sha256(call.request()), call.requestHash());
                    assertEquals(LlmStandInScript.answer(recorded(call)).body(), call.response(),
                            "the answer as the provider sent it");
                    assertFalse(call.request().contains(LlmJobTest.KEY));
                    bytes += call.request().length() + call.response().length();
                }
            }
            List<RecordedCall> failed = calls.listByDay(jobId, "llm-e2e-broken", LocalDate.parse(
                    LlmJobTest.DAYS.get(0)));
            assertEquals(List.of(1, 2, 3), failed.stream().map(RecordedCall::attempt).toList(),
                    "a failed day keeps every attempt, for diagnosis");
            assertTrue(failed.stream().allMatch(c -> c.status() == 500 && c.response().contains("upstream exploded")));
            assertEquals(0, calls.listByDay(jobId, "llm-e2e-mock", LocalDate.parse(LlmJobTest.DAYS.get(0))).size(),
                    "the mock calls no provider");
            long stored = storedBytes(jobId, LlmJobTest.GPT);
            System.out.printf("RECORDING-STORAGE %d model-days, %d bytes of bodies, %d bytes stored gzip (%.0f per "
                    + "model-day)%n", 2, bytes, stored, stored / 2.0);
            assertTrue(stored < bytes, "the bodies are stored compressed");
        }
    }

    @Test
    void aModelDayOverTheNasdaq100TakesAFewKilobytesOfRecordings() throws Exception {
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            String jobId = trigger(Map.of("config_path", "configs/recording_nasdaq100.json", "start_date",
                    LlmJobTest.DAYS.get(0), "end_date", LlmJobTest.DAYS.get(2), "replace_existing", true)).then()
                    .statusCode(202).extract().path("job_id");
            assertEquals("completed", awaitEnd(jobId).getString("status"));
            long raw = standIn.requests.stream().mapToLong(r -> r.body().length()
                    + LlmStandInScript.answer(r).body().length()).sum();
            long stored = storedBytes(jobId, "recording-gpt100");
            System.out.printf("RECORDING-STORAGE nasdaq100: 3 model-days, 9 calls, %d bytes of bodies, %d bytes "
                    + "stored gzip (%.0f per model-day)%n", raw, stored, stored / 3.0);
            assertTrue(stored > 0 && stored < raw);
        }
    }

    private static OpenAiStandIn.Recorded recorded(RecordedCall call) {
        return new OpenAiStandIn.Recorded("POST", "/v1/chat/completions", Map.of(), call.request());
    }

    private long storedBytes(String jobId, String model) throws Exception {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT SUM(LENGTH(request) + LENGTH(response)) FROM model_calls WHERE job_id = ? AND model = ?")) {
            ps.setString(1, jobId);
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
