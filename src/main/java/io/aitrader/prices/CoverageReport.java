package io.aitrader.prices;

import java.util.List;

import io.aitrader.market.Market;

/**
 * The answer of GET /prices/coverage: how many symbols, where the data came from ({@code sample}, {@code synthetic},
 * {@code imported}; see {@link PriceSummary}), whether any of it is synthetic, and each symbol's range.
 */
public record CoverageReport(int symbols, String source, boolean synthetic, List<SymbolCoverage> coverage) {

    public static CoverageReport from(PriceSummary summary, List<SymbolCoverage> coverage) {
        return new CoverageReport(coverage.size(), summary.source(), summary.synthetic(), coverage);
    }

    /** Only the symbols of {@code market} (null: all). */
    public static CoverageReport from(PriceSummary summary, List<SymbolCoverage> coverage, Market market) {
        return from(summary, market == null
                ? coverage
                : coverage.stream().filter(c -> c.market().equals(market.id())).toList());
    }
}
