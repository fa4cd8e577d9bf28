package io.aitrader.agent;

import io.aitrader.cost.Tokens;

import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The tokens a provider reported for one call, in one convention (contract 9). OpenAI-compatible servers count cached
 * tokens inside {@code prompt_tokens} ({@code usage.prompt_tokens_details.cached_tokens}); Anthropic reports three
 * disjoint counts ({@code input_tokens}, {@code cache_read_input_tokens}, {@code cache_creation_input_tokens}), which
 * are added up into the input.
 */
final class ReportedTokens {

    private ReportedTokens() {
    }

    /** The call's tokens; null when the provider reported no input or no output count. */
    static Tokens of(TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
            return null;
        }
        long input = usage.inputTokenCount();
        long cached = 0;
        long written = 0;
        if (usage instanceof AnthropicTokenUsage anthropic) {
            cached = orZero(anthropic.cacheReadInputTokens());
            written = orZero(anthropic.cacheCreationInputTokens());
            input += cached + written;
        } else if (usage instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
            cached = orZero(openAi.inputTokensDetails().cachedTokens());
        }
        return new Tokens(input, cached, written, usage.outputTokenCount());
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
