package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.awaitIdle;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With LOG_FORMAT=json, the console writes JSON lines, and a model-day's lines carry its job, model and date. */
@QuarkusTest
@TestProfile(JsonLogsProfile.class)
class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void modelDayLinesCarryJobModelAndDate() throws Exception {
        Formatter console = consoleFormatter();
        awaitIdle();
        TestPrices.ensure();
        List<String> lines;
        String jobId;
        try (Formatted capture = Formatted.install(console)) {
            jobId = trigger(Map.of("config_path", "configs/ops_json_logs.json", "start_date", "2025-08-18",
                    "end_date", "2025-08-20", "replace_existing", true)).then().statusCode(202).extract()
                    .path("job_id");
            assertEquals("partial", awaitEnd(jobId).getString("status"));
            lines = new ArrayList<>(capture.lines);
        }
        List<JsonNode> dayLines = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line); // every console line is one JSON object
            assertNotNull(node.get("message"), line);
            if (node.path("message").asText().startsWith("Model-day ops-json-fail")) {
                dayLines.add(node);
            }
        }
        Set<String> dates = new TreeSet<>();
        for (JsonNode line : dayLines) {
            JsonNode mdc = line.path("mdc");
            assertEquals(jobId, mdc.path("job_id").asText(), line.toString());
            assertEquals("ops-json-fail", mdc.path("model").asText(), line.toString());
            assertTrue(line.path("message").asText().contains(mdc.path("date").asText()), line.toString());
            dates.add(mdc.path("date").asText());
        }
        assertEquals(Set.of("2025-08-18", "2025-08-19", "2025-08-20"), dates);
        assertTrue(dayLines.stream().anyMatch(l -> l.path("level").asText().equals("WARN") && l.path("message")
                .asText().contains("outage")), dayLines.toString());
        // the context ends with the day: lines logged after it by the same job carry none
        assertFalse(lines.stream().map(JsonLogsTest::readQuietly).filter(n -> !n.path("message").asText()
                .startsWith("Model-day")).anyMatch(n -> n.path("mdc").has("model")), lines.toString());
    }

    private static JsonNode readQuietly(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    /** The formatter of the console handler Quarkus installed (wrapped in delayed/async handlers). */
    private static Formatter consoleFormatter() {
        List<Formatter> found = new ArrayList<>();
        collect(Logger.getLogger("").getHandlers(), found);
        Formatter json = found.stream().filter(f -> f.getClass().getName().contains("Json")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON formatter on the console: " + found));
        return json;
    }

    private static void collect(Handler[] handlers, List<Formatter> found) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() != null) {
                found.add(handler.getFormatter());
            }
            if (handler instanceof ExtHandler ext) {
                collect(ext.getHandlers(), found);
            }
        }
    }

    /** Formats every record with the console's formatter on the logging thread, while the MDC is in place. */
    static final class Formatted extends Handler implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();

        static Formatted install(Formatter formatter) {
            Formatted capture = new Formatted();
            capture.setFormatter(formatter);
            capture.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(capture);
            return capture;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("io.aitrader")) {
                lines.add(getFormatter().format(record).strip());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
