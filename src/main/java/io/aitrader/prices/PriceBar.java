package io.aitrader.prices;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One symbol's prices on one day. Only {@code open} is always present: a day still in progress (or a partial import)
 * has no high, low, close or volume yet.
 */
public record PriceBar(String symbol, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low,
        BigDecimal close, Long volume, String source) {

    public static final String SOURCE_SYNTHETIC = "synthetic";
    public static final String SOURCE_ALPHA_VANTAGE = "alpha_vantage";
    public static final String SOURCE_MASSIVE = "massive";
    public static final String SOURCE_FILE = "file";
    /** The real sample prices shipped with the service (see {@link SamplePrices}). */
    public static final String SOURCE_SAMPLE = "sample";

    public boolean hasClose() {
        return close != null;
    }
}
