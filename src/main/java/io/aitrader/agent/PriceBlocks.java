package io.aitrader.agent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.aitrader.trading.MarketPrices;

/**
 * The system prompt's price table (each symbol's previous close and today's open). Every model of a job trades the
 * same universe on the same dates, so the text of a date is built once per job's prices and reused by the others;
 * only the latest prices' texts are kept, so an ended job's prices are not held.
 */
final class PriceBlocks {

    private record Slot(MarketPrices prices, List<String> universe, Map<LocalDate, String> byDate) {
    }

    private static volatile Slot slot = new Slot(null, List.of(), Map.of());

    private PriceBlocks() {
    }

    static String of(MarketPrices prices, List<String> universe, LocalDate previous, LocalDate today) {
        Slot current = slot;
        if (current.prices() != prices || !current.universe().equals(universe)) {
            current = new Slot(prices, List.copyOf(universe), new ConcurrentHashMap<>());
            slot = current;
        }
        return current.byDate().computeIfAbsent(today, date -> build(prices, universe, previous, date));
    }

    private static String build(MarketPrices prices, List<String> universe, LocalDate previous, LocalDate today) {
        StringBuilder text = new StringBuilder(2048);
        text.append("Prices: the previous trading day's close and today's open of each symbol you may trade.\n");
        text.append("symbol,prev_close,today_open\n");
        for (String symbol : universe) {
            Optional<BigDecimal> close = previous == null ? Optional.empty() : prices.close(symbol, previous);
            text.append(symbol).append(',').append(format(close)).append(',')
                    .append(format(prices.open(symbol, today))).append('\n');
        }
        return text.toString();
    }

    private static String format(Optional<BigDecimal> price) {
        return price.map(p -> ToolJson.plain(p).toPlainString()).orElse("n/a");
    }
}
