package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values portfolios and finished days (contract 4.2): at the open for the starting value, at the close (else the open)
 * for the ending value. A held symbol without a price that day is valued at its last known price with a warning.
 */
public final class Valuer {

    /** A portfolio's exact value and the warnings about symbols valued at a fallback price. */
    public record PortfolioValue(BigDecimal value, List<String> warnings) {

        public PortfolioValue {
            warnings = List.copyOf(warnings);
        }
    }

    private Valuer() {
    }

    /**
     * Values a finished day. {@code previousEndingValue} is the ending value of the model's previous completed day, or
     * the initial cash on its first day.
     */
    public static DayValuation valueDay(LocalDate date, Portfolio start, Portfolio end, MarketPrices prices,
            BigDecimal previousEndingValue) {
        PortfolioValue opening = atOpen(start, date, prices);
        PortfolioValue closing = atClose(end, date, prices);
        BigDecimal profit = closing.value().subtract(previousEndingValue);
        BigDecimal returnPct = previousEndingValue.signum() == 0
                ? null
                : profit.multiply(BigDecimal.valueOf(100)).divide(previousEndingValue, Money.DIVISION);
        Set<String> warnings = new LinkedHashSet<>(opening.warnings());
        warnings.addAll(closing.warnings());
        return new DayValuation(opening.value(), closing.value(), profit, returnPct, List.copyOf(warnings));
    }

    /** Cash plus holdings at the day's open; a symbol without an open falls back to the price before that day. */
    public static PortfolioValue atOpen(Portfolio portfolio, LocalDate date, MarketPrices prices) {
        return value(portfolio, date, date.minusDays(1), prices, true);
    }

    /** Cash plus holdings at the day's close, or its open when the close is not known yet. */
    public static PortfolioValue atClose(Portfolio portfolio, LocalDate date, MarketPrices prices) {
        return value(portfolio, date, date, prices, false);
    }

    private static PortfolioValue value(Portfolio portfolio, LocalDate date, LocalDate fallbackDate,
            MarketPrices prices, boolean atOpen) {
        BigDecimal total = portfolio.cash();
        Set<String> warnings = new LinkedHashSet<>();
        for (Map.Entry<String, BigDecimal> holding : portfolio.holdings().entrySet()) {
            String symbol = holding.getKey();
            Optional<BigDecimal> price = atOpen
                    ? prices.open(symbol, date)
                    : prices.close(symbol, date).or(() -> prices.open(symbol, date));
            if (price.isEmpty()) {
                price = prices.lastKnown(symbol, fallbackDate);
                warnings.add(price.map(p -> "%s has no price on %s; valued at its last known price %s."
                        .formatted(symbol, date, Money.format(p)))
                        .orElse("%s has no price on or before %s; valued at 0.".formatted(symbol, date)));
            }
            total = total.add(price.orElse(BigDecimal.ZERO).multiply(holding.getValue()));
        }
        return new PortfolioValue(total, List.copyOf(warnings));
    }
}
