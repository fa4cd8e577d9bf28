package io.aitrader.agent.mock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.TradingTools;
import io.aitrader.trading.Quantity;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;

/**
 * What the mock reads from a conversation, like an LLM would: the date, positions and how many decimals an amount may
 * have from the system prompt, the opens it asked for from the tool results, and how many answers it already gave today.
 */
record MockTurn(LocalDate date, BigDecimal cash, Map<String, BigDecimal> holdings, int decimals, int step,
        Map<String, BigDecimal> opens, List<JsonNode> lastResults) {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * The messages of one conversation, parsed once: each call of a day passes the whole conversation again, so every
     * tool result would otherwise be parsed again at each later call. Forgotten when a new conversation (a new day)
     * starts. Used by one model-day at a time.
     */
    static final class Parsed {
        private ChatMessage first;
        private final Map<ChatMessage, JsonNode> nodes = new IdentityHashMap<>();

        synchronized JsonNode of(List<ChatMessage> conversation, ChatMessage message, String text) {
            if (conversation.get(0) != first) {
                nodes.clear();
                first = conversation.get(0);
            }
            return nodes.computeIfAbsent(message, m -> parse(text));
        }
    }

    static MockTurn from(List<ChatMessage> messages, Parsed parsed) {
        LocalDate date = null;
        BigDecimal cash = BigDecimal.ZERO;
        Map<String, BigDecimal> holdings = new TreeMap<>();
        int decimals = 0;
        Map<String, BigDecimal> opens = new HashMap<>();
        List<JsonNode> lastResults = new ArrayList<>();
        int step = 0;
        for (ChatMessage message : messages) {
            if (message instanceof SystemMessage system) {
                String text = system.text();
                String dateLine = line(text, SystemPrompt.DATE_LINE);
                if (dateLine != null) {
                    date = LocalDate.parse(dateLine.trim());
                }
                int fractional = text.indexOf(Quantity.FRACTIONAL_AMOUNTS);
                if (fractional >= 0) {
                    decimals = Character.digit(text.charAt(fractional + Quantity.FRACTIONAL_AMOUNTS.length()), 10);
                }
                String positionsLine = line(text, SystemPrompt.POSITIONS_LINE);
                if (positionsLine != null) {
                    JsonNode positions = parsed.of(messages, message, positionsLine);
                    cash = positions.path("CASH").decimalValue();
                    positions.properties().forEach(field -> {
                        if (!field.getKey().equals("CASH")) {
                            holdings.put(field.getKey(), field.getValue().decimalValue());
                        }
                    });
                }
            } else if (message instanceof AiMessage) {
                step++;
                lastResults.clear();
            } else if (message instanceof ToolExecutionResultMessage result) {
                JsonNode node = parsed.of(messages, message, result.text());
                lastResults.add(node);
                if (TradingTools.GET_PRICE_LOCAL.equals(result.toolName()) && node.has("open")) {
                    opens.put(node.path("symbol").asText(), node.path("open").decimalValue());
                }
            }
        }
        if (date == null) {
            throw new IllegalArgumentException("the mock model needs the trading system prompt (no date found)");
        }
        return new MockTurn(date, cash, holdings, decimals, step, opens, lastResults);
    }

    /** The rest of the prompt's line that starts with {@code label}, or null. */
    private static String line(String text, String label) {
        int at = text.startsWith(label) ? 0 : text.indexOf("\n" + label);
        if (at < 0) {
            return null;
        }
        int start = at == 0 ? label.length() : at + 1 + label.length();
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The first refusal among the results of the previous answer's tool calls, if any. */
    JsonNode lastRefusal() {
        return lastResults.stream().filter(node -> node.has("error")).findFirst().orElse(null);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
