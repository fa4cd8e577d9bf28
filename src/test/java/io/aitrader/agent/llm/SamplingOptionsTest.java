package io.aitrader.agent.llm;

import static io.aitrader.agent.llm.ChatJson.text;
import static io.aitrader.agent.llm.OpenAiStandIn.Reply.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.config.ModelSpec;

/**
 * A replica's seed and a model's temperature reach an OpenAI-compatible provider in the request body (contract 11);
 * a model without them sends neither, so its requests stay what they were (recordings replay by their bytes).
 */
class SamplingOptionsTest {

    private final OpenAiStandIn standIn = OpenAiStandIn.start();
    private final LlmTesting llm = new LlmTesting(5, 0, 10);

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void seedAndTemperatureAreSentWhenSet() throws Exception {
        standIn.then(ok(text("Holding. " + SystemPrompt.FINISH_SIGNAL)), ok(text("Held.")));
        llm.trader(ModelSpec.OPENAI, standIn.baseUrl(), null, Map.of("seed", 13, "temperature", 0.3))
                .tradeDay(llm.session());
        JsonNode body = standIn.bodies().get(0);
        assertEquals(13, body.path("seed").asInt(), body::toString);
        assertEquals(0.3, body.path("temperature").asDouble(), body::toString);
    }

    @Test
    void neitherIsSentWhenNotSet() throws Exception {
        standIn.then(ok(text("Holding. " + SystemPrompt.FINISH_SIGNAL)), ok(text("Held.")));
        llm.trader(standIn).tradeDay(llm.session());
        JsonNode body = standIn.bodies().get(0);
        assertFalse(body.has("seed"), body::toString);
        assertFalse(body.has("temperature"), body::toString);
    }
}
