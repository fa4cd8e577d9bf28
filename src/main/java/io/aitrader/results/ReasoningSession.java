package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One model-day's conversation in GET /reasoning (contract 2.6); messages only with full=true. */
public record ReasoningSession(@JsonProperty("job_id") String jobId, String model, LocalDate date,
        @JsonProperty("total_steps") int totalSteps, @JsonProperty("stop_signal_received") boolean stopSignalReceived,
        @JsonProperty("reasoning_summary") String reasoningSummary,
        @JsonProperty("tool_usage") Map<String, Integer> toolUsage, @JsonProperty("total_messages") int totalMessages,
        Tokens tokens,
        @Schema(description = "What the day's model calls cost in USD (at most 6 decimals, 0 for mock and builtin models); null when unknown: no price is known for the model, or the provider did not report the tokens of some call", nullable = true, example = "0.012345") @JsonProperty("cost_usd") BigDecimal costUsd,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages) {

    /** Token counts summed over the day's answers; each null when the provider reported none. */
    public record Tokens(@Schema(description = "Input tokens, cached ones included", nullable = true) Long input,
            @Schema(description = "Input tokens read from the provider's prompt cache (part of input)", nullable = true) @JsonProperty("cached_input") Long cachedInput,
            @Schema(description = "Output tokens", nullable = true) Long output) {
    }

    /** One recorded message: system, user, assistant or tool (a tool call with its arguments and result). */
    public record Message(int seq, String role, String content, @JsonProperty("tool_name") String toolName,
            @JsonProperty("tool_arguments") String toolArguments, @JsonProperty("tool_result") String toolResult,
            String timestamp, @JsonProperty("input_tokens") Integer inputTokens,
            @Schema(description = "Of input_tokens, how many were read from the provider's prompt cache; set on assistant messages, null when not reported", nullable = true) @JsonProperty("cached_input_tokens") Integer cachedInputTokens,
            @JsonProperty("output_tokens") Integer outputTokens) {
    }

    ReasoningSession withDetails(Map<String, Integer> usage, List<Message> allMessages) {
        return new ReasoningSession(jobId, model, date, totalSteps, stopSignalReceived, reasoningSummary, usage,
                totalMessages, tokens, costUsd, allMessages);
    }
}
