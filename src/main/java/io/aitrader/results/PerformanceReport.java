package io.aitrader.results;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of GET /performance (contract 2.5): the trimmed period, the benchmark and the ranked models. */
public record PerformanceReport(@JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        @JsonProperty("requested_start_date") LocalDate requestedStartDate,
        @JsonProperty("requested_end_date") LocalDate requestedEndDate,
        @JsonProperty("initial_cash") double initialCash,
        @JsonProperty("risk_free_rate_pct") double riskFreeRatePct, Benchmark benchmark, List<ModelEntry> models,
        List<String> warnings) {

    /** One model: its rank by period return, daily values and metrics. */
    public record ModelEntry(String model, int rank,
            @JsonProperty("daily_portfolio_values") List<DailyValue> dailyPortfolioValues, MetricsView metrics) {
    }

    /** A day's ending value; {@code stale} appears (true) only on days computed from a replaced result. */
    public record DailyValue(LocalDate date, @JsonProperty("portfolio_value") double portfolioValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stale) {
    }

    /** Buy-and-hold of the benchmark symbol: whole shares at the first day's open, the rest kept as cash. */
    public record Benchmark(String symbol, @JsonProperty("buy_date") LocalDate buyDate,
            @JsonProperty("buy_price") double buyPrice, long shares, double cash,
            @JsonProperty("daily_portfolio_values") List<DailyValue> dailyPortfolioValues, MetricsView metrics) {
    }

    /** Metrics as the API shows them: values in cents, percentages and ratios to 4 decimals. */
    public record MetricsView(@JsonProperty("starting_portfolio_value") double startingPortfolioValue,
            @JsonProperty("ending_portfolio_value") double endingPortfolioValue,
            @JsonProperty("period_return_pct") Double periodReturnPct,
            @JsonProperty("annualized_return_pct") Double annualizedReturnPct,
            @JsonProperty("volatility_pct") Double volatilityPct, @JsonProperty("sharpe_ratio") Double sharpeRatio,
            @JsonProperty("max_drawdown_pct") double maxDrawdownPct,
            @JsonProperty("max_drawdown_peak_date") LocalDate maxDrawdownPeakDate,
            @JsonProperty("max_drawdown_trough_date") LocalDate maxDrawdownTroughDate,
            @JsonProperty("excess_return_pct") Double excessReturnPct,
            @JsonProperty("trading_days") int tradingDays, @JsonProperty("calendar_days") long calendarDays,
            @JsonProperty("total_trades") int totalTrades, @JsonProperty("stale_days") int staleDays) {

        static MetricsView from(Metrics m, Double excessReturnPct, int totalTrades, int staleDays) {
            return new MetricsView(cents(m.startValue()), cents(m.endValue()), round4(m.periodReturnPct()),
                    round4(m.annualizedReturnPct()), round4(m.volatilityPct()), round4(m.sharpeRatio()),
                    round4(m.maxDrawdownPct()), m.peakDate(), m.troughDate(), round4(excessReturnPct),
                    m.tradingDays(), m.calendarDays(), totalTrades, staleDays);
        }
    }

    static double cents(double value) {
        return Math.round(value * 100) / 100.0 + 0.0; // + 0.0 turns -0.0 into 0.0
    }

    static Double round4(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0 + 0.0;
    }
}
