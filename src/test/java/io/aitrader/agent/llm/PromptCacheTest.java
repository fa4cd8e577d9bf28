package io.aitrader.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.agent.DayTranscript;
import io.aitrader.config.ModelSpec;

/**
 * Contract 9's prompt caching on the wire: the system prompt and the tool list are the same bytes on every call of a
 * model-day; Anthropic gets them marked with cache_control unless the model's prompt_cache is false; the tokens the
 * provider then reports as cached reach the day's transcript.
 */
class PromptCacheTest {

    private static final String EPHEMERAL = "{\"type\":\"ephemeral\"}";

    private final OpenAiStandIn standIn = OpenAiStandIn.start();
    private final ThreeStepDay day = new ThreeStepDay(new PromptCacheEmulation(0));
    private final LlmTesting llm = new LlmTesting(5, 0, 10);

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void anthropicMarksTheSystemPromptAndTheLastToolAndReadsThemFromTheCacheAfterTheFirstCall() throws Exception {
        standIn.otherwise(day);

        DayTranscript transcript = llm.trader(ChatModels.ANTHROPIC, standIn.root() + "/v1/", null)
                .tradeDay(llm.session());

        List<JsonNode> loop = standIn.bodies().subList(0, 3);
        for (JsonNode body : loop) {
            JsonNode system = body.path("system");
            assertEquals(EPHEMERAL, system.get(system.size() - 1).path("cache_control").toString(), body::toString);
            JsonNode tools = body.path("tools");
            assertEquals(EPHEMERAL, tools.get(tools.size() - 1).path("cache_control").toString());
            for (int i = 0; i < tools.size() - 1; i++) {
                assertTrue(tools.get(i).path("cache_control").isMissingNode(), "only the last tool is marked");
            }
        }
        assertEquals(1, loop.stream().map(PromptCacheTest::anthropicPrefix).distinct().count(),
                "the day's calls share the same system and tools JSON");
        long prefix = day.sent.get(0).anthropic().cacheCreationInputTokens();
        assertTrue(prefix > 0);
        assertEquals(List.of(0L, prefix, prefix),
                day.sent.subList(0, 3).stream().map(s -> s.anthropic().cacheReadInputTokens()).toList());
        List<ConversationMessage> answers = transcript.messages().stream()
                .filter(m -> m.role().equals("assistant")).toList();
        assertEquals((int) prefix, answers.get(1).cachedInputTokens());
        AnthropicJson.Usage second = day.sent.get(1).anthropic();
        assertEquals((int) (second.inputTokens() + second.cacheReadInputTokens()), answers.get(1).inputTokens());
    }

    @Test
    void aModelWithPromptCacheFalseSendsNoCacheControl() throws Exception {
        standIn.otherwise(day);

        llm.trader(ChatModels.ANTHROPIC, standIn.root() + "/v1/", null, Map.of(ModelSpec.PROMPT_CACHE, false))
                .tradeDay(llm.session());

        assertEquals(4, standIn.requests.size());
        standIn.requests.forEach(r -> assertFalse(r.body().contains("cache_control"), r.body()));
        day.sent.forEach(s -> assertEquals(0, s.anthropic().cacheCreationInputTokens() + s.anthropic()
                .cacheReadInputTokens()));
    }

    @Test
    void openAiGetsTheSamePrefixOnEveryCallAndItsCachedTokensAreCounted() throws Exception {
        standIn.otherwise(day);

        DayTranscript transcript = llm.trader(standIn).tradeDay(llm.session());

        List<JsonNode> loop = standIn.bodies().subList(0, 3);
        assertEquals(1, loop.stream().map(b -> b.path("messages").get(0).toString() + b.path("tools")).distinct()
                .count(), "the day's calls share the same system message and tools JSON");
        long cached = day.sent.get(1).openAi().cachedTokens();
        assertTrue(cached > 0);
        assertEquals(0L, day.sent.get(0).openAi().cachedTokens());
        List<ConversationMessage> answers = transcript.messages().stream()
                .filter(m -> m.role().equals("assistant")).toList();
        assertEquals((int) cached, answers.get(2).cachedInputTokens());
        assertEquals((int) day.sent.get(2).openAi().promptTokens(), answers.get(2).inputTokens());
    }

    private static String anthropicPrefix(JsonNode body) {
        return body.path("system").toString() + body.path("tools");
    }
}
