package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The response cache (contract 9): a model with {@code "cache": true} answers a request equal to one the provider
 * answered before for the same basemodel from the recording — no request, cost 0, counted as served — and asks the
 * provider otherwise.
 */
@QuarkusTest
class ResponseCacheTest {

    static final String MODEL = "cache-gpt";

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void aRequestSeenBeforeIsAnsweredFromTheRecordingsForFreeAndANewOneGoesToTheProvider() throws Exception {
        forgetEarlierRuns();
        try (OpenAiStandIn standIn = LlmStandInScript.started()) {
            List<String> days = LlmJobTest.DAYS;

            JsonPath first = run(days.get(0), days.get(1));
            int sent = standIn.requests.size();
            assertEquals(6, sent, "two days of two steps and a summary");
            assertEquals(0.45, first.getDouble("progress.details[0].cost_usd"), 1e-9, first::prettify);

            JsonPath again = run(days.get(0), days.get(2));
            assertEquals("completed", again.getString("status"), again::prettify);
            assertEquals(sent + 3, standIn.requests.size(), "only the new third day reached the provider");
            assertEquals(0.0, again.getDouble("progress.details[0].cost_usd"), "a cache hit costs 0");
            assertEquals(0.0, again.getDouble("progress.details[1].cost_usd"));
            assertEquals(0.45, again.getDouble("progress.details[2].cost_usd"), 1e-9, "a miss is paid");
            assertEquals(3, again.getInt("progress.details[0].served_calls"), "hits are counted");
            assertEquals(3, again.getInt("progress.details[1].served_calls"));
            assertEquals(0.45, again.getDouble("cost_usd"), 1e-9);
        }
    }

    /** The cache spans jobs: an earlier run of this test on the same database would answer everything. */
    private void forgetEarlierRuns() throws Exception {
        try (Connection conn = dataSource.getConnection();
                PreparedStatement ps = conn.prepareStatement("DELETE FROM model_calls WHERE basemodel = ?")) {
            ps.setString(1, "gpt-cache-standin");
            ps.executeUpdate();
        }
    }

    private static JsonPath run(String from, String to) {
        String jobId = trigger(Map.of("config_path", "configs/cache_e2e.json", "start_date", from, "end_date", to,
                "replace_existing", true)).then().statusCode(202).extract().path("job_id");
        return awaitEnd(jobId);
    }
}
