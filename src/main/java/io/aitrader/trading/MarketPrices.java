package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import io.aitrader.prices.PriceBar;

/** Read access to prices for the trading rules; implemented over the price store (usually an in-memory snapshot). */
public interface MarketPrices {

    /** The day's open, the fill price of every order that day. */
    Optional<BigDecimal> open(String symbol, LocalDate date);

    /** The day's close; absent for a day still in progress. */
    Optional<BigDecimal> close(String symbol, LocalDate date);

    /** The latest known price on or before {@code date}: that day's close, else its open, else an earlier day's. */
    Optional<BigDecimal> lastKnown(String symbol, LocalDate date);

    /**
     * The whole day as far as it is known, for tools that show past days. The default knows only open and close;
     * implementations holding full bars override it to add high, low and volume.
     */
    default Optional<PriceBar> bar(String symbol, LocalDate date) {
        return open(symbol, date)
                .map(open -> new PriceBar(symbol, date, open, null, null, close(symbol, date).orElse(null), null,
                        null));
    }
}
