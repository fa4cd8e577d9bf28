package io.aitrader.prices;

import java.util.List;

/** The answer of GET /prices/coverage: how many symbols, whether the data is synthetic, and each symbol's range. */
public record CoverageReport(int symbols, boolean synthetic, List<SymbolCoverage> coverage) {

    public static CoverageReport from(List<SymbolCoverage> coverage) {
        boolean synthetic = coverage.stream().anyMatch(c -> PriceBar.SOURCE_SYNTHETIC.equals(c.source()));
        return new CoverageReport(coverage.size(), synthetic, coverage);
    }
}
