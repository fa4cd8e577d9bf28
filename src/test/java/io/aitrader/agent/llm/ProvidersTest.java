package io.aitrader.agent.llm;

import static io.aitrader.agent.llm.ChatJson.text;
import static io.aitrader.agent.llm.OpenAiStandIn.Reply.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.AgentLoop;
import io.aitrader.agent.DayTranscript;
import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.TestSessions;
import io.aitrader.agent.TradingSession;
import io.aitrader.agent.factory.TraderFactory;
import io.aitrader.config.ModelSpec;
import io.aitrader.platform.retry.Pause;

/** The other real providers: Anthropic's Messages API and Ollama's OpenAI-compatible API. */
class ProvidersTest {

    private final OpenAiStandIn standIn = OpenAiStandIn.start();
    private final LlmTesting llm = new LlmTesting(5, 2, 10);

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static String anthropic(String stopReason, String contentJson) {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":"
                + contentJson + ",\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":50,\"output_tokens\":10}}";
    }

    @Test
    void anthropicRunsTheLoopWithItsOwnWireFormatAndRetries() throws Exception {
        standIn.then(new OpenAiStandIn.Reply(529, Map.of("retry-after", "3"),
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", 0),
                ok(anthropic("tool_use", "[{\"type\":\"text\",\"text\":\"Buying.\"},{\"type\":\"tool_use\","
                        + "\"id\":\"toolu_1\",\"name\":\"buy\",\"input\":{\"symbol\":\"AAPL\",\"amount\":3}}]")),
                ok(anthropic("end_turn", "[{\"type\":\"text\",\"text\":\"Done " + SystemPrompt.FINISH_SIGNAL
                        + "\"}]")),
                ok(anthropic("end_turn", "[{\"type\":\"text\",\"text\":\"Bought 3 AAPL.\"}]")));
        TradingSession session = llm.session();

        DayTranscript day = llm.trader(ChatModels.ANTHROPIC, standIn.root() + "/v1/", null).tradeDay(session);

        assertEquals(BigDecimal.valueOf(3), session.ledger().current().shares("AAPL"));
        assertEquals("Bought 3 AAPL.", day.summary());
        assertEquals(List.of(Duration.ofSeconds(3)), llm.waits, "529 overloaded is retried after retry-after");
        OpenAiStandIn.Recorded first = standIn.requests.get(0);
        assertEquals("/v1/messages", first.path());
        assertEquals(LlmTesting.KEY, first.header("x-api-key"));
        assertFalse(first.body().contains(LlmTesting.KEY));
        assertTrue(first.json().path("system").toString().contains("Today's date: 2025-10-01"));
        assertEquals(5, first.json().path("tools").size());
        JsonNode third = standIn.requests.get(2).json().path("messages");
        assertTrue(third.toString().contains("\"tool_use_id\":\"toolu_1\""), third.toString());
        assertEquals(50, day.messages().get(2).inputTokens());
    }

    @Test
    void ollamaUsesTheOpenAiCompatibleApiWithoutAKey() throws Exception {
        standIn.then(ok(text(SystemPrompt.FINISH_SIGNAL)), ok(text("No trades were made.")));
        ModelSpec spec = new ModelSpec("Local", "local-llama", ChatModels.OLLAMA, "llama3.1", true,
                standIn.baseUrl(), null, Map.of());

        DayTranscript day = new TraderFactory(null, llm.recordingPause(), llm.http).create(spec, llm.settings,
                TestSessions.UNIVERSE).tradeDay(llm.session());

        assertTrue(day.stopSignalReceived());
        assertEquals("/v1/chat/completions", standIn.requests.get(0).path());
        assertEquals("llama3.1", standIn.requests.get(0).json().path("model").asText());
        assertEquals("Bearer ollama", standIn.requests.get(0).header("Authorization"));
    }

    @Test
    void everyLlmProviderBuildsAnAgentLoopAndMissingKeysAreNamedWithoutValues() {
        TraderFactory factory = new TraderFactory(null, Pause.system(), llm.http);
        for (String provider : List.of("openai", "ollama", "anthropic")) {
            ModelSpec spec = new ModelSpec("M", "m-" + provider, provider, "some-model", true, null, "sk-x-123456",
                    Map.of());
            assertInstanceOf(AgentLoop.class, factory.create(spec, llm.settings, TestSessions.UNIVERSE));
        }
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class, () -> factory.create(
                new ModelSpec("C", "claude", "anthropic", "claude-x", true, null, null, Map.of()), llm.settings,
                TestSessions.UNIVERSE));
        assertTrue(noKey.getMessage().contains("claude") && noKey.getMessage().contains("no API key"));
        IllegalArgumentException badTokens = assertThrows(IllegalArgumentException.class, () -> factory.create(
                new ModelSpec("C", "claude", "anthropic", "claude-x", true, null, "k", Map.of("max_tokens", "lots")),
                llm.settings, TestSessions.UNIVERSE));
        assertTrue(badTokens.getMessage().contains("max_tokens"));
    }
}
