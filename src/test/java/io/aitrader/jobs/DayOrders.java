package io.aitrader.jobs;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.ChatJson;
import io.aitrader.agent.llm.OpenAiStandIn.Recorded;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;

/**
 * A stand-in model's script for the market tests: each day's orders, one a turn in their order (parallel tool calls
 * might run in any order), then the finish; the summary request gets {@code summary}.
 */
record DayOrders(Map<String, List<Order>> byDay, String summary) {

    /** One order as the model writes it; {@code amount} is the JSON number as written (150, 0.25). */
    record Order(String action, String symbol, String amount) {
    }

    private static final Pattern DATE = Pattern.compile(SystemPrompt.DATE_LINE + "(\\d{4}-\\d{2}-\\d{2})");

    Reply answer(Recorded request) {
        JsonNode body = request.json();
        JsonNode messages = body.path("messages");
        if (!body.has("tools")) {
            return Reply.ok(ChatJson.text(summary));
        }
        Matcher date = DATE.matcher(messages.get(0).path("content").asText());
        List<Order> orders = date.find() ? byDay.getOrDefault(date.group(1), List.of()) : List.of();
        int placed = 0;
        for (JsonNode message : messages) {
            placed += message.path("role").asText().equals("assistant") ? 1 : 0;
        }
        if (placed >= orders.size()) {
            return Reply.ok(ChatJson.text("Done for today. " + SystemPrompt.FINISH_SIGNAL));
        }
        Order o = orders.get(placed);
        return Reply.ok(ChatJson.tools("Placing the next order.", ChatJson.call("call_" + placed, o.action(),
                "{\"symbol\":\"" + o.symbol() + "\",\"amount\":" + o.amount() + "}")));
    }
}
