package io.aitrader.prices;

import java.time.LocalDate;
import java.util.List;

/** What one Alpha Vantage request gave for one symbol: its bars, or why there are none. */
public record SymbolDownload(String symbol, Status status, List<PriceBar> bars, String reason, int attempts) {

    /** How the answer was classified. */
    public enum Status {
        /** The answer held a daily series. */
        OK,
        /** Alpha Vantage refused for quota or plan reasons: the whole run must stop. */
        RATE_LIMITED,
        /** This symbol failed (unknown symbol, broken answer, server errors past the retries); others go on. */
        SYMBOL_FAILED
    }

    public SymbolDownload {
        bars = List.copyOf(bars);
    }

    static SymbolDownload ok(String symbol, List<PriceBar> bars) {
        return new SymbolDownload(symbol, Status.OK, bars, null, 1);
    }

    static SymbolDownload rateLimited(String symbol, String reason) {
        return new SymbolDownload(symbol, Status.RATE_LIMITED, List.of(), reason, 1);
    }

    static SymbolDownload failed(String symbol, String reason) {
        return new SymbolDownload(symbol, Status.SYMBOL_FAILED, List.of(), reason, 1);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    SymbolDownload withAttempts(int count) {
        return new SymbolDownload(symbol, status, bars, reason, count);
    }

    /** The same outcome keeping only bars dated within {@code from}..{@code to}. */
    SymbolDownload within(LocalDate from, LocalDate to) {
        List<PriceBar> kept = bars.stream().filter(b -> !b.date().isBefore(from) && !b.date().isAfter(to)).toList();
        return new SymbolDownload(symbol, status, kept, reason, attempts);
    }
}
