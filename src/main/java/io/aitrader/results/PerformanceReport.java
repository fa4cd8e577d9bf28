package io.aitrader.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.results.PerformanceRepository.DayValue;

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

        /** One model's days of the period, ascending; rank 0 until ranked. */
        static ModelEntry from(List<DayValue> days, double riskFree, Double benchmarkReturn) {
            List<LocalDate> dates = new ArrayList<>(days.size());
            double[] values = new double[days.size()];
            List<DailyValue> daily = new ArrayList<>(days.size());
            int trades = 0;
            int stale = 0;
            for (int i = 0; i < days.size(); i++) {
                DayValue day = days.get(i);
                dates.add(day.date());
                values[i] = day.endingValue();
                daily.add(new DailyValue(day.date(), cents(day.endingValue()), day.stale() ? Boolean.TRUE : null));
                trades += day.trades();
                stale += day.stale() ? 1 : 0;
            }
            Metrics metrics = Metrics.of(days.get(0).previousValue(), dates, values, riskFree);
            Double excess = metrics.periodReturnPct() == null || benchmarkReturn == null
                    ? null
                    : metrics.periodReturnPct() - benchmarkReturn;
            return new ModelEntry(days.get(0).model(), 0, daily, MetricsView.from(metrics, excess, trades, stale));
        }
    }

    /** A day's ending value; {@code stale} appears (true) only on days computed from a replaced result. */
    public record DailyValue(LocalDate date, @JsonProperty("portfolio_value") double portfolioValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stale) {
    }

    /** Buy-and-hold of the benchmark symbol: whole shares at the first day's open, the rest kept as cash. */
    public record Benchmark(String symbol, @JsonProperty("buy_date") LocalDate buyDate,
            @JsonProperty("buy_price") double buyPrice, long shares, double cash,
            @JsonProperty("daily_portfolio_values") List<DailyValue> dailyPortfolioValues, MetricsView metrics) {

        static Benchmark from(BuyAndHold hold, Metrics metrics) {
            List<DailyValue> daily = new ArrayList<>(hold.dates().size());
            for (int i = 0; i < hold.values().length; i++) {
                daily.add(new DailyValue(hold.dates().get(i), cents(hold.values()[i]), null));
            }
            return new Benchmark(hold.symbol(), hold.buyDate(), hold.buyPrice().doubleValue(), hold.shares(),
                    cents(hold.cash().doubleValue()), daily,
                    MetricsView.from(metrics, 0.0, hold.shares() > 0 ? 1 : 0, 0));
        }
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
