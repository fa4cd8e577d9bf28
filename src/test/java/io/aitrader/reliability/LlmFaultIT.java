package io.aitrader.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.ChatJson;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.OpenAiStandIn.Recorded;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;

/**
 * LLM provider faults through the OpenAI-compatible stand-in, against the packaged app: models whose provider times
 * out, hangs, answers 429 or 500 forever, or sends garbage fail every day with a reason; a model behind a 429 storm
 * that lets every retry through completes, and so do the healthy LLM, the mock and the baseline.
 */
class LlmFaultIT {

    private static final Logger LOG = Logger.getLogger(LlmFaultIT.class.getName());
    static final String KEY = "sk-fault-SECRET-77d0c1e5a9";
    static final int DAYS = 3;
    static final List<String> HEALTHY = List.of("fault-good", "fault-storm-absorbed", "fault-mock", "fault-baseline");
    /** Failing model → the start of each of its days' error. */
    static final Map<String, String> FAILING = Map.of(
            "fault-timeout", "model call failed after 3 attempts: timed out",
            "fault-hang", "model call failed after 3 attempts: timed out",
            "fault-429", "model call failed after 3 attempts: HTTP 429",
            "fault-500", "model call failed after 3 attempts: HTTP 500: upstream exploded",
            "fault-garbage", "model call failed",
            "fault-empty", "");

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger injected = new AtomicInteger();

    @Test
    void failingProvidersFailTheirDaysWithReasonsAndEveryOtherModelCompletes() throws Exception {
        Path data = Files.createTempDirectory("llm-faults").resolve("data");
        try (OpenAiStandIn standIn = OpenAiStandIn.start();
                RunningApp app = RunningApp.start(data, Map.of("LLM_STANDIN_URL", standIn.root(),
                        "LLM_STANDIN_KEY", KEY))) {
            standIn.otherwise(this::answer);
            String jobId = app.trigger("""
                    {"config_path": "configs/reliability_llm_faults.json", "start_date": "2025-08-04",
                     "end_date": "2025-08-06"}""");
            JsonNode end = app.awaitEnd(jobId, Duration.ofMinutes(3));

            assertEquals("partial", end.path("status").asText(), end.toString());
            List<String> problems = new ArrayList<>();
            Map<String, String> reasons = new java.util.TreeMap<>();
            int failedDays = 0;
            for (JsonNode day : end.path("progress").path("details")) {
                String model = day.path("model").asText();
                String status = day.path("status").asText();
                String error = day.path("error").asText("");
                if (HEALTHY.contains(model) && !status.equals("completed")) {
                    problems.add(model + " " + day.path("date").asText() + " should complete: " + status + " " + error);
                } else if (FAILING.containsKey(model)) {
                    failedDays++;
                    reasons.put(model, error);
                    if (!status.equals("failed") || error.isBlank() || !error.startsWith(FAILING.get(model))) {
                        problems.add(model + " " + day.path("date").asText() + " should fail with '"
                                + FAILING.get(model) + "…': " + status + " " + error);
                    }
                }
                if (error.contains(KEY) || error.contains("SECRET")) {
                    problems.add(model + ": the error shows the key");
                }
            }
            LOG.info(() -> "LLM faults: " + injected + " faulty provider answers injected; "
                    + end.path("progress").path("completed").asInt() + " model-days of the 4 unaffected models "
                    + "completed; reasons " + reasons);
            assertTrue(problems.isEmpty(), String.join("\n", problems));
            assertEquals(FAILING.size() * DAYS, failedDays);
            assertEquals(HEALTHY.size() * DAYS, end.path("progress").path("completed").asInt());
            assertEquals(DAYS * 3, prefixCount(standIn, "/error500/"), "three attempts per failed day");
            assertTrue(prefixCount(standIn, "/flaky/") > prefixCount(standIn, "/good/"),
                    "the storm-absorbing model retried through the 429s");
            assertFalse(app.log().contains(KEY), "no log line holds the key");
            assertTrue(RunningApp.json(app.get("/results?date=2025-08-06").body()).path("results").size() == HEALTHY
                    .size(), "the completed models' results are readable");
        }
    }

    private Reply answer(Recorded request) {
        String path = request.path();
        int n = calls.computeIfAbsent(path.substring(0, path.indexOf('/', 1) + 1), p -> new AtomicInteger())
                .incrementAndGet();
        if (!path.startsWith("/good/") && !(path.startsWith("/flaky/") && n % 2 == 0)) {
            injected.incrementAndGet();
        }
        if (path.startsWith("/timeout/")) {
            return script(request).delayed(3_000); // past call_timeout_seconds = 1
        } else if (path.startsWith("/hang/")) {
            return script(request).delayed(600_000); // never answers within the test
        } else if (path.startsWith("/storm/")) {
            return Reply.error(429, "rate limited").header("Retry-After", "0");
        } else if (path.startsWith("/flaky/") && n % 2 == 1) {
            return Reply.error(429, "rate limited").header("Retry-After", "0"); // every first attempt
        } else if (path.startsWith("/error500/")) {
            return Reply.error(500, "upstream exploded");
        } else if (path.startsWith("/garbage/")) {
            return new Reply(200, Map.of(), "<html><body>502 Bad Gateway</body></html>", 0);
        } else if (path.startsWith("/empty/")) {
            return Reply.ok("{}");
        }
        return script(request);
    }

    /** A healthy trader: buy one AAPL share, then finish; answer the summary request with a sentence. */
    private static Reply script(Recorded request) {
        JsonNode body = request.json();
        if (!body.has("tools")) {
            return Reply.ok(ChatJson.text("Bought 1 AAPL share at the open."));
        }
        JsonNode messages = body.path("messages");
        if (messages.get(messages.size() - 1).path("role").asText().equals("user")) {
            return Reply.ok(ChatJson.tools("Buying one share.",
                    ChatJson.call("call_b", "buy", "{\"symbol\":\"AAPL\",\"amount\":1}")));
        }
        return Reply.ok(ChatJson.text("Done for today. " + SystemPrompt.FINISH_SIGNAL));
    }

    private static long prefixCount(OpenAiStandIn standIn, String prefix) {
        return standIn.requests.stream().filter(r -> r.path().startsWith(prefix)).count();
    }
}
