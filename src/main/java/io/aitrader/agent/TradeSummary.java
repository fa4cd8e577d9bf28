package io.aitrader.agent;

import java.util.List;
import java.util.stream.Collectors;

import io.aitrader.trading.Money;
import io.aitrader.trading.Trade;

/** The deterministic one-line summary of a day's trades: "Bought 10 AAPL at 255.88, sold 5 NVDA at 181.02", at the
 * prices the orders filled at. */
public final class TradeSummary {

    private TradeSummary() {
    }

    public static String of(List<Trade> trades) {
        if (trades.isEmpty()) {
            return "No trades";
        }
        String text = trades.stream().map(TradeSummary::describe).collect(Collectors.joining(", "));
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String describe(Trade trade) {
        String verb = switch (trade.action()) {
            case "sell" -> "sold";
            case "cover" -> "covered (margin call)";
            default -> "bought";
        };
        return verb + " " + trade.amount() + " " + trade.symbol() + " at " + Money.format(trade.fillPrice());
    }
}
