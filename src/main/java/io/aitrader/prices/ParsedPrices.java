package io.aitrader.prices;

import java.util.List;
import java.util.SortedSet;

/**
 * A parsed price file: the valid daily rows (one per symbol and date) and 60-minute rows (one per symbol and bar
 * start), the refused rows and every symbol the file names.
 */
public record ParsedPrices(List<PriceBar> bars, List<PriceReject> rejects, SortedSet<String> symbols,
        List<IntradayBar> intraday) {

    /** Daily rows only. */
    public ParsedPrices(List<PriceBar> bars, List<PriceReject> rejects, SortedSet<String> symbols) {
        this(bars, rejects, symbols, List.of());
    }
}
