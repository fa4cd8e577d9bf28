package io.aitrader.agent;

import java.time.Instant;

/**
 * One recorded step of a model-day's conversation: role is system, user, assistant or tool. Tool calls made by an
 * assistant message are recorded as one "tool" message each, with the arguments and the result.
 */
public record ConversationMessage(int seq, String role, String content, String toolName, String toolArguments,
        String toolResult, Instant timestamp, Integer inputTokens, Integer outputTokens) {
}
