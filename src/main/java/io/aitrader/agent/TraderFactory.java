package io.aitrader.agent;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.builtin.BuiltinTraders;
import io.aitrader.agent.mock.MockChatModel;
import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the trader of a configured model: the LLM agent loop over its provider, or a builtin baseline. */
@ApplicationScoped
public class TraderFactory {

    public Trader create(ModelSpec spec, AgentSettings settings, List<String> universe) {
        String provider = spec.provider() == null ? ModelSpec.OPENAI : spec.provider().trim().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case ModelSpec.MOCK -> new AgentLoop(MockChatModel.from(spec, universe));
            case ModelSpec.BUILTIN -> BuiltinTraders.forBasemodel(spec.basemodel())
                    .orElseThrow(() -> new IllegalArgumentException("model " + spec.signature()
                            + ": unknown builtin basemodel '" + spec.basemodel() + "'"));
            case ModelSpec.OPENAI -> new AgentLoop(ModelCaller.of(openAi(spec, settings), spec.apiKey()));
            default -> throw new IllegalArgumentException(
                    "model " + spec.signature() + ": unsupported provider '" + provider + "'");
        };
    }

    private static ChatModel openAi(ModelSpec spec, AgentSettings settings) {
        if (spec.apiKey() == null || spec.apiKey().isBlank()) {
            throw new IllegalArgumentException("model " + spec.signature() + ": no API key (set openai_api_key in "
                    + "the config or OPENAI_API_KEY)");
        }
        Duration timeout = Duration.ofSeconds(settings.callTimeoutSeconds() > 0 ? settings.callTimeoutSeconds() : 120);
        // retries are the agent's own policy (4.3), so the client must not retry on its own
        return OpenAiChatModel.builder().baseUrl(spec.baseUrl()).apiKey(spec.apiKey()).modelName(spec.basemodel())
                .timeout(timeout).maxRetries(0).build();
    }
}
