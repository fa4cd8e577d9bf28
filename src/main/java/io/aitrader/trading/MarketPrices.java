package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Read access to prices for the trading rules; implemented over the price store (usually an in-memory snapshot). */
public interface MarketPrices {

    /** The day's open, the fill price of every order that day. */
    Optional<BigDecimal> open(String symbol, LocalDate date);

    /** The day's close; absent for a day still in progress. */
    Optional<BigDecimal> close(String symbol, LocalDate date);

    /** The latest known price on or before {@code date}: that day's close, else its open, else an earlier day's. */
    Optional<BigDecimal> lastKnown(String symbol, LocalDate date);
}
