package io.aitrader.prices;

import java.util.List;

/** One intraday download (contract 13): the 60-minute bars, or why there are none, classified as a daily one is. */
public record IntradayDownload(String symbol, SymbolDownload.Status status, List<IntradayBar> bars, String reason,
        int attempts) {

    public IntradayDownload {
        bars = List.copyOf(bars);
    }

    static IntradayDownload of(SymbolDownload refused) {
        return new IntradayDownload(refused.symbol(), refused.status(), List.of(), refused.reason(),
                refused.attempts());
    }

    static IntradayDownload failed(String symbol, String reason) {
        return new IntradayDownload(symbol, SymbolDownload.Status.SYMBOL_FAILED, List.of(), reason, 1);
    }
}
