package io.aitrader.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.aitrader.cost.Tokens;

/** The record of one model-day's conversation, in order, with the count of tool calls per tool name. */
final class Conversation {

    private final List<ConversationMessage> messages = new ArrayList<>();
    private final Map<String, Integer> toolUsage = new TreeMap<>();

    void system(String content) {
        add("system", content, null, null, null, null);
    }

    void user(String content) {
        add("user", content, null, null, null, null);
    }

    void assistant(String content, Tokens usage) {
        add("assistant", content, null, null, null, usage);
    }

    void tool(String name, String arguments, String result) {
        add("tool", null, name, arguments, result, null);
        toolUsage.merge(name == null ? "" : name, 1, Integer::sum);
    }

    List<ConversationMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    Map<String, Integer> toolUsage() {
        return Collections.unmodifiableMap(toolUsage);
    }

    private void add(String role, String content, String toolName, String arguments, String result, Tokens usage) {
        Integer input = usage == null ? null : Math.toIntExact(usage.input());
        Integer cached = usage == null ? null : Math.toIntExact(usage.cachedInput());
        Integer output = usage == null ? null : Math.toIntExact(usage.output());
        messages.add(new ConversationMessage(messages.size() + 1, role, content, toolName, arguments, result,
                Instant.now(), input, cached, output));
    }
}
