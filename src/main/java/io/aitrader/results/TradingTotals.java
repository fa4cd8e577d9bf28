package io.aitrader.results;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.results.PerformanceRepository.ModelTotals;

/**
 * What a model's trading cost over the period under its job's rules (contract 10), in currency, and its turnover; the
 * benchmark has none. The costs are already taken out of the portfolio values.
 */
public record TradingTotals(
        @Schema(description = "Sum of the commissions of the period's trades") @JsonProperty("total_commission") double totalCommission,
        @Schema(description = "Sum of the slippage of the period's trades: |fill_price − open| × shares") @JsonProperty("total_slippage") double totalSlippage,
        @Schema(description = "Sum of the borrow fees the model's shorts paid at each day's open") @JsonProperty("total_borrow_fee") double totalBorrowFee,
        @Schema(description = "Traded notional (buys, sells and covers) / the mean of the daily portfolio values × 100; null when that mean is not positive", nullable = true) @JsonProperty("turnover_pct") Double turnoverPct) {

    /** The model's totals, turnover against the mean of {@code values} (its daily ending values). */
    static TradingTotals of(ModelTotals totals, double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = values.length == 0 ? 0 : sum / values.length;
        return new TradingTotals(PerformanceReport.cents(totals.commission()), PerformanceReport.cents(
                totals.slippage()), PerformanceReport.cents(totals.borrowFee()),
                mean > 0 ? PerformanceReport.round4(totals.tradedValue() / mean * 100) : null);
    }
}
