package io.aitrader.agent;

import java.util.List;
import java.util.Map;

/** What a trader did in one model-day besides its trades (those live in the ledger): the conversation and summary. */
public record DayTranscript(int totalSteps, boolean stopSignalReceived, String summary,
        List<ConversationMessage> messages, Map<String, Integer> toolUsage) {
}
