package io.aitrader.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.aitrader.cost.ModelPrice;
import io.aitrader.cost.TokenCounts;
import io.aitrader.cost.Usd;
import io.aitrader.results.PerformanceRepository.DayValue;
import io.aitrader.results.PerformanceRepository.ModelTotals;

/** The body of GET /performance (contract 2.5): the trimmed period, the benchmark and the ranked models. */
public record PerformanceReport(@JsonProperty("start_date") LocalDate startDate,
        @JsonProperty("end_date") LocalDate endDate,
        @JsonProperty("requested_start_date") LocalDate requestedStartDate,
        @JsonProperty("requested_end_date") LocalDate requestedEndDate,
        @JsonProperty("initial_cash") double initialCash,
        @JsonProperty("risk_free_rate_pct") double riskFreeRatePct,
        @Schema(description = "The market whose models are ranked (contract 12): us, cn or crypto") String market,
        @Schema(description = "Its currency (ISO 4217): every amount of the answer is in it") String currency,
        Benchmark benchmark, List<ModelEntry> models,
        @Schema(description = "Per base signature run as replicas (<signature>#1 … #N, two or more in the period): mean, sample standard deviation and 95 % interval (mean ± t(0.975, N − 1) · stdev / √N) over the replicas, ranked by the mean period return") List<ReplicaGroups.Group> groups,
        List<String> warnings) {

    /** One model: its rank by period return, daily values and metrics. */
    public record ModelEntry(String model, int rank,
            @JsonProperty("daily_portfolio_values") List<DailyValue> dailyPortfolioValues, MetricsView metrics,
            @Schema(description = "True when this model's ci95.period_return_pct overlaps the rank-1 model's: the data cannot tell them apart; false for the leader and for a clear gap; null without intervals", nullable = true) @JsonProperty("indistinguishable_from_leader") Boolean indistinguishableFromLeader) {

        /** One model's days of the period, ascending; rank 0 until ranked. */
        static ModelEntry from(List<DayValue> days, ModelTotals totals, double riskFree, Double benchmarkReturn,
                Bootstrapper bootstrap) {
            List<LocalDate> dates = new ArrayList<>(days.size());
            double[] values = new double[days.size()];
            List<DailyValue> daily = new ArrayList<>(days.size());
            int stale = 0;
            for (int i = 0; i < days.size(); i++) {
                DayValue day = days.get(i);
                dates.add(day.date());
                values[i] = day.endingValue();
                daily.add(new DailyValue(day.date(), cents(day.endingValue()), day.stale() ? Boolean.TRUE : null));
                stale += day.stale() ? 1 : 0;
            }
            Metrics metrics = Metrics.of(days.get(0).previousValue(), dates, values, riskFree);
            Double excess = metrics.periodReturnPct() == null || benchmarkReturn == null
                    ? null
                    : metrics.periodReturnPct() - benchmarkReturn;
            return new ModelEntry(days.get(0).model(), 0, daily,
                    MetricsView.from(metrics, excess, totals.trades(), stale, totals.inTrainingWindowDays(),
                            TradingTotals.of(totals, values),
                            Spend.of(totals), bootstrap.of(dates, metrics)),
                    null);
        }
    }

    /** The bootstrap of one series: its days and metrics in, its uncertainty out (null: none). */
    @FunctionalInterface
    interface Bootstrapper {
        StationaryBootstrap.Uncertainty of(List<LocalDate> days, Metrics metrics);
    }

    /** A day's ending value; {@code stale} appears (true) only on days computed from a replaced result. */
    public record DailyValue(LocalDate date, @JsonProperty("portfolio_value") double portfolioValue,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stale) {
    }

    /**
     * Buy-and-hold of the benchmark symbol: whole shares (for crypto, to 6 decimals) at the first day's open, the rest
     * kept as cash.
     */
    public record Benchmark(String symbol, @JsonProperty("buy_date") LocalDate buyDate,
            @JsonProperty("buy_price") double buyPrice, BigDecimal shares, double cash,
            @JsonProperty("daily_portfolio_values") List<DailyValue> dailyPortfolioValues, MetricsView metrics) {

        static Benchmark from(BuyAndHold hold, Metrics metrics, StationaryBootstrap.Uncertainty uncertainty) {
            List<DailyValue> daily = new ArrayList<>(hold.dates().size());
            for (int i = 0; i < hold.values().length; i++) {
                daily.add(new DailyValue(hold.dates().get(i), cents(hold.values()[i]), null));
            }
            return new Benchmark(hold.symbol(), hold.buyDate(), hold.buyPrice().doubleValue(), hold.shares(),
                    cents(hold.cash().doubleValue()), daily,
                    MetricsView.from(metrics, 0.0, hold.shares().signum() > 0 ? 1 : 0, 0, null, null, null,
                            uncertainty));
        }
    }

    /**
     * What a model's calls used and cost over the period; the benchmark has none. Money in USD to at most 6 decimals,
     * null when unknown (some day with model calls has no known cost).
     */
    public record Spend(
            @Schema(description = "What the model's calls cost over the period in USD (at most 6 decimals, 0 for mock and builtin models); null when unknown: some day with model calls has no known price or unreported tokens. Not on the benchmark.", nullable = true, example = "0.4821") @JsonProperty("cost_usd") BigDecimal costUsd,
            @Schema(description = "Tokens of the model's calls over the period, summed over its days. Not on the benchmark.") TokenCounts tokens,
            @Schema(description = "cost_usd divided by trading_days (the model-days of the period), at most 6 decimals; null when cost_usd is. Not on the benchmark.", nullable = true, example = "0.0241") @JsonProperty("cost_per_model_day_usd") BigDecimal costPerModelDayUsd) {

        static Spend of(ModelTotals sum) {
            BigDecimal perDay = sum.costUsd() == null || sum.days() == 0
                    ? null
                    : sum.costUsd().divide(BigDecimal.valueOf(sum.days()), ModelPrice.SCALE, RoundingMode.HALF_UP);
            return new Spend(Usd.shown(sum.costUsd()), TokenCounts.from(sum.tokens()), Usd.shown(perDay));
        }
    }

    /** Metrics as the API shows them: values in cents, percentages and ratios to 4 decimals; models add their spend. */
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
            @JsonProperty("total_trades") int totalTrades, @JsonProperty("stale_days") int staleDays,
            @Schema(description = "Trading days of the period on or before the model's knowledge cutoff (contract 11), when it may remember what happened: 0 for mock and builtin models and after the cutoff; null when the cutoff is not known, and on the benchmark", nullable = true) @JsonProperty("in_training_window_days") Integer inTrainingWindowDays,
            @JsonUnwrapped RiskView risk, @JsonUnwrapped TradingTotals trading, @JsonUnwrapped Spend spend) {

        static MetricsView from(Metrics m, Double excessReturnPct, int totalTrades, int staleDays,
                Integer inTrainingWindowDays, TradingTotals trading, Spend spend,
                StationaryBootstrap.Uncertainty uncertainty) {
            return new MetricsView(cents(m.startValue()), cents(m.endValue()), round4(m.periodReturnPct()),
                    round4(m.annualizedReturnPct()), round4(m.volatilityPct()), round4(m.sharpeRatio()),
                    round4(m.maxDrawdownPct()), m.peakDate(), m.troughDate(), round4(excessReturnPct),
                    m.tradingDays(), m.calendarDays(), totalTrades, staleDays, inTrainingWindowDays,
                    RiskView.of(m, uncertainty), trading,
                    spend);
        }
    }

    static double cents(double value) {
        return Math.round(value * 100) / 100.0 + 0.0; // + 0.0 turns -0.0 into 0.0
    }

    static Double round4(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0 + 0.0;
    }
}
