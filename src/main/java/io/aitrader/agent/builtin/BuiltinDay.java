package io.aitrader.agent.builtin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.aitrader.agent.ConversationMessage;
import io.aitrader.agent.DayTranscript;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.Money;
import io.aitrader.trading.OrderResult;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.Quantity;

/**
 * Sends a baseline's (or a re-scoring's) orders to the ledger and records them as the transcript an LLM day would
 * have.
 */
public final class BuiltinDay {

    private final DayLedger ledger;
    private final Instant timestamp = Instant.now();
    private final List<ConversationMessage> toolMessages = new ArrayList<>();
    private final List<String> fills = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final Map<String, Integer> toolUsage = new TreeMap<>();

    public BuiltinDay(DayLedger ledger) {
        this.ledger = ledger;
    }

    public OrderResult buy(String symbol, BigDecimal amount) {
        return record("buy", symbol, amount, ledger.buy(symbol, amount));
    }

    public OrderResult sell(String symbol, BigDecimal amount) {
        return record("sell", symbol, amount, ledger.sell(symbol, amount));
    }

    /** The transcript: the plan as the assistant message, then one tool message per order. */
    public DayTranscript finish(String plan) {
        List<ConversationMessage> messages = new ArrayList<>();
        messages.add(new ConversationMessage(1, "assistant", plan, null, null, null, timestamp, null, null));
        for (ConversationMessage tool : toolMessages) {
            messages.add(new ConversationMessage(messages.size() + 1, tool.role(), tool.content(), tool.toolName(),
                    tool.toolArguments(), tool.toolResult(), tool.timestamp(), null, null));
        }
        return new DayTranscript(Math.max(1, toolMessages.size()), true, summary(), List.copyOf(messages),
                Collections.unmodifiableMap(new TreeMap<>(toolUsage)));
    }

    private OrderResult record(String tool, String symbol, BigDecimal quantity, OrderResult result) {
        String amount = Quantity.format(quantity);
        String arguments = String.format(Locale.ROOT, "{\"symbol\":\"%s\",\"amount\":%s}", jsonEscape(symbol), amount);
        toolMessages.add(new ConversationMessage(0, "tool", null, tool, arguments, result.message(), timestamp, null,
                null));
        toolUsage.merge(tool, 1, Integer::sum);
        if (result.accepted()) {
            String verb = fills.isEmpty()
                    ? (tool.equals("buy") ? "Bought" : "Sold")
                    : (tool.equals("buy") ? "bought" : "sold");
            fills.add(String.format(Locale.ROOT, "%s %s %s at %s", verb, amount, result.trade().symbol(),
                    Money.format(result.trade().fillPrice())));
        } else {
            refusals.add(String.format(Locale.ROOT, "%s %s %s refused (%s)", tool, amount, symbol, result.code()));
        }
        return result;
    }

    private String summary() {
        String text = fills.isEmpty() ? "No trades: holding " + describe(ledger.current()) : String.join("; ", fills);
        return refusals.isEmpty() ? text : text + "; " + String.join("; ", refusals);
    }

    /** "39 QQQ and cash 112.40", or "cash 10000.00" when nothing is held. */
    static String describe(Portfolio portfolio) {
        List<String> parts = new ArrayList<>();
        portfolio.holdings().forEach((symbol, shares) -> parts.add(Quantity.format(shares) + " " + symbol));
        String cash = "cash " + Money.format(portfolio.cash());
        return parts.isEmpty() ? cash : String.join(", ", parts) + " and " + cash;
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
