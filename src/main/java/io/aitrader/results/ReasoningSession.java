package io.aitrader.results;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One model-day's conversation in GET /reasoning (contract 2.6); messages only with full=true. */
public record ReasoningSession(@JsonProperty("job_id") String jobId, String model, LocalDate date,
        @JsonProperty("total_steps") int totalSteps, @JsonProperty("stop_signal_received") boolean stopSignalReceived,
        @JsonProperty("reasoning_summary") String reasoningSummary,
        @JsonProperty("tool_usage") Map<String, Integer> toolUsage, @JsonProperty("total_messages") int totalMessages,
        Tokens tokens, @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages) {

    /** Token counts summed over the day's answers; null when the provider reported none. */
    public record Tokens(Long input, Long output) {
    }

    /** One recorded message: system, user, assistant or tool (a tool call with its arguments and result). */
    public record Message(int seq, String role, String content, @JsonProperty("tool_name") String toolName,
            @JsonProperty("tool_arguments") String toolArguments, @JsonProperty("tool_result") String toolResult,
            String timestamp, @JsonProperty("input_tokens") Integer inputTokens,
            @JsonProperty("output_tokens") Integer outputTokens) {
    }

    ReasoningSession withDetails(Map<String, Integer> usage, List<Message> allMessages) {
        return new ReasoningSession(jobId, model, date, totalSteps, stopSignalReceived, reasoningSummary, usage,
                totalMessages, tokens, allMessages);
    }
}
