package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aitrader.prices.PriceBar;
import io.aitrader.trading.Quantity;

/**
 * The benchmark of GET /performance, pure arithmetic: as many whole shares (or, for crypto, units to the market's
 * quantity decimals) as the initial cash buys at the open of the first day with a price, the rest kept as cash, valued at each day's close (the open while the close is unknown).
 */
public record BuyAndHold(String symbol, LocalDate buyDate, BigDecimal buyPrice, BigDecimal shares,
        BigDecimal cash,
        List<LocalDate> dates, double[] values) {

    /** Empty when {@code bars} (one symbol's, ascending by date) hold no day with a positive open. */
    public static Optional<BuyAndHold> of(String symbol, BigDecimal initialCash, List<PriceBar> bars,
            int quantityDecimals) {
        int first = 0;
        while (first < bars.size() && bars.get(first).open().signum() <= 0) {
            first++;
        }
        if (first == bars.size()) {
            return Optional.empty();
        }
        PriceBar buy = bars.get(first);
        BigDecimal shares = Quantity.affordable(initialCash, buy.open(), quantityDecimals);
        BigDecimal cash = initialCash.subtract(buy.open().multiply(shares));
        List<LocalDate> dates = new ArrayList<>();
        double[] values = new double[bars.size() - first];
        for (int i = first; i < bars.size(); i++) {
            PriceBar bar = bars.get(i);
            BigDecimal price = bar.hasClose() ? bar.close() : bar.open();
            dates.add(bar.date());
            values[i - first] = cash.add(price.multiply(shares)).doubleValue();
        }
        return Optional.of(new BuyAndHold(symbol, buy.date(), buy.open(), shares, cash, dates, values));
    }
}
