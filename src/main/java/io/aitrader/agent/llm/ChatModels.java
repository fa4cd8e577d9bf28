package io.aitrader.agent.llm;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.UnaryOperator;

import io.aitrader.agent.CallTape;
import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the chat model of a configured LLM at run time from the job's config: {@code openai} (any OpenAI-compatible
 * chat-completions API), {@code ollama} (Ollama's OpenAI-compatible API, no key needed) and {@code anthropic}.
 * The library's own retries are off: retries are the agent's policy ({@link RetryingModelCaller}). Every model sends
 * its requests through the one JDK client it is given, the service's shared one.
 */
public final class ChatModels {

    public static final String OLLAMA = "ollama";
    public static final String ANTHROPIC = "anthropic";
    public static final String OLLAMA_DEFAULT_URL = "http://localhost:11434/v1";
    static final int ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

    private ChatModels() {
    }

    public static ChatModel build(String provider, ModelSpec spec, AgentSettings settings, HttpClient http) {
        return build(provider, spec, settings, http, null);
    }

    /** As above, recording every exchange with the provider on {@code tape} (may be null). */
    public static ChatModel build(String provider, ModelSpec spec, AgentSettings settings, HttpClient http,
            CallTape tape) {
        Duration timeout = Duration.ofSeconds(settings.callTimeoutSeconds() > 0 ? settings.callTimeoutSeconds() : 60);
        return switch (provider) {
            case ModelSpec.OPENAI -> openAi(spec, spec.baseUrl(), requireKey(spec, "openai_api_key in the config or "
                    + "OPENAI_API_KEY"), client(http, OpenAiBodyFix::apply, timeout, tape), timeout);
            case OLLAMA -> openAi(spec, spec.baseUrl() == null ? OLLAMA_DEFAULT_URL : spec.baseUrl(),
                    spec.apiKey() == null || spec.apiKey().isBlank() ? OLLAMA : spec.apiKey(),
                    client(http, OpenAiBodyFix::apply, timeout, tape), timeout);
            case ANTHROPIC -> anthropic(spec, client(http, UnaryOperator.identity(), timeout, tape), timeout);
            default -> throw new IllegalArgumentException(
                    "model " + spec.signature() + ": unsupported provider '" + provider + "'");
        };
    }

    private static ChatModel openAi(ModelSpec spec, String baseUrl, String apiKey, ProviderHttpClientBuilder client,
            Duration timeout) {
        // seed and temperature only when set, so a model without them sends the very requests it always sent
        return OpenAiChatModel.builder().httpClientBuilder(client).baseUrl(baseUrl)
                .apiKey(apiKey).modelName(spec.basemodel()).timeout(timeout).maxRetries(0)
                .seed(integer(spec, "seed")).temperature(decimal(spec, ModelSpec.TEMPERATURE)).build();
    }

    /**
     * The system prompt and the tool list are the same on every call of a model-day (contract 9), so they are marked
     * with {@code cache_control}: the day's later calls read them from the cache at a tenth of the input price.
     */
    private static ChatModel anthropic(ModelSpec spec, ProviderHttpClientBuilder client, Duration timeout) {
        String key = requireKey(spec, "api_key in the config, e.g. \"${ANTHROPIC_API_KEY}\"");
        boolean cache = promptCache(spec);
        return AnthropicChatModel.builder().httpClientBuilder(client)
                .baseUrl(spec.baseUrl()).apiKey(key).modelName(spec.basemodel()).maxTokens(maxTokens(spec))
                .cacheSystemMessages(cache).cacheTools(cache).timeout(timeout).maxRetries(0)
                .temperature(decimal(spec, ModelSpec.TEMPERATURE)).build();
    }

    private static Integer integer(ModelSpec spec, String option) {
        String value = spec.option(option);
        return value == null ? null : (int) Long.parseLong(value);
    }

    private static Double decimal(ModelSpec spec, String option) {
        String value = spec.option(option);
        return value == null ? null : Double.valueOf(value);
    }

    private static ProviderHttpClientBuilder client(HttpClient http, UnaryOperator<String> bodyFix,
            Duration timeout, CallTape tape) {
        return new ProviderHttpClientBuilder(http, bodyFix, tape).readTimeout(timeout);
    }

    private static String requireKey(ModelSpec spec, String where) {
        if (spec.apiKey() == null || spec.apiKey().isBlank()) {
            throw new IllegalArgumentException("model " + spec.signature() + ": no API key (set " + where + ")");
        }
        return spec.apiKey();
    }

    private static boolean promptCache(ModelSpec spec) {
        String value = spec.option(ModelSpec.PROMPT_CACHE);
        if (value == null || value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("model " + spec.signature() + ": prompt_cache must be true or false");
    }

    private static int maxTokens(ModelSpec spec) {
        String value = spec.option("max_tokens");
        try {
            return value == null ? ANTHROPIC_DEFAULT_MAX_TOKENS : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model " + spec.signature() + ": max_tokens must be a whole number");
        }
    }
}
