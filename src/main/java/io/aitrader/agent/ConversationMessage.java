package io.aitrader.agent;

import java.time.Instant;

/**
 * One recorded step of a model-day's conversation: role is system, user, assistant or tool. Tool calls made by an
 * assistant message are recorded as one "tool" message each, with the arguments and the result. An assistant message
 * carries the tokens of the call that produced it ({@code inputTokens} includes the cached ones).
 */
public record ConversationMessage(int seq, String role, String content, String toolName, String toolArguments,
        String toolResult, Instant timestamp, Integer inputTokens, Integer cachedInputTokens, Integer outputTokens) {

    /** A message without cached-token counts (no model call, or a provider without a prompt cache). */
    public ConversationMessage(int seq, String role, String content, String toolName, String toolArguments,
            String toolResult, Instant timestamp, Integer inputTokens, Integer outputTokens) {
        this(seq, role, content, toolName, toolArguments, toolResult, timestamp, inputTokens, null, outputTokens);
    }
}
