package io.aitrader.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aitrader.prices.PriceBar;

/**
 * The benchmark of GET /performance, pure arithmetic: as many whole shares as the initial cash buys at the open of
 * the first day with a price, the rest kept as cash, valued at each day's close (the open while the close is unknown).
 */
public record BuyAndHold(String symbol, LocalDate buyDate, BigDecimal buyPrice, long shares, BigDecimal cash,
        List<LocalDate> dates, double[] values) {

    /** Empty when {@code bars} (one symbol's, ascending by date) hold no day with a positive open. */
    public static Optional<BuyAndHold> of(String symbol, BigDecimal initialCash, List<PriceBar> bars) {
        int first = 0;
        while (first < bars.size() && bars.get(first).open().signum() <= 0) {
            first++;
        }
        if (first == bars.size()) {
            return Optional.empty();
        }
        PriceBar buy = bars.get(first);
        long shares = initialCash.divide(buy.open(), 0, RoundingMode.FLOOR).longValueExact();
        BigDecimal cash = initialCash.subtract(buy.open().multiply(BigDecimal.valueOf(shares)));
        List<LocalDate> dates = new ArrayList<>();
        double[] values = new double[bars.size() - first];
        for (int i = first; i < bars.size(); i++) {
            PriceBar bar = bars.get(i);
            BigDecimal price = bar.hasClose() ? bar.close() : bar.open();
            dates.add(bar.date());
            values[i - first] = cash.add(price.multiply(BigDecimal.valueOf(shares))).doubleValue();
        }
        return Optional.of(new BuyAndHold(symbol, buy.date(), buy.open(), shares, cash, dates, values));
    }
}
