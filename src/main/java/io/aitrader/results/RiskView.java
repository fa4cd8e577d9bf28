package io.aitrader.results;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The risk ratios and the uncertainty of a series' figures (contract 11), as /performance shows them: ratios and
 * percentages to 4 decimals, the intervals' bounds too, the p-value to 4 decimals.
 */
public record RiskView(
        @Schema(description = "(mean(r) − risk_free_rate / 100 / 252) / √(mean(min(0, r_i − risk_free_rate / 100 / 252)²)) · √252, the mean of the squares over all n days; null without a day below the risk free rate", nullable = true) @JsonProperty("sortino_ratio") Double sortinoRatio,
        @Schema(description = "annualized_return_pct / |max_drawdown_pct|; null when the value never fell", nullable = true) @JsonProperty("calmar_ratio") Double calmarRatio,
        @Schema(description = "The share of days with a daily return above 0, · 100", nullable = true) @JsonProperty("win_rate_pct") Double winRatePct,
        @Schema(description = "95 % intervals from the stationary block bootstrap of the daily returns; null with fewer than 2 days", nullable = true) Ci95 ci95,
        @Schema(description = "One-sided bootstrap p-value of H0: the mean daily excess return over the benchmark is ≤ 0 (small: the lead over the benchmark is unlikely to be chance); null without a benchmark, and on the benchmark itself", nullable = true) @JsonProperty("p_value_vs_benchmark") Double pValueVsBenchmark) {

    /** [low, high] of the period return and of the Sharpe ratio. */
    public record Ci95(
            @Schema(description = "[2.5 %, 97.5 %] quantiles of the resamples' period returns, in percent") @JsonProperty("period_return_pct") List<Double> periodReturnPct,
            @Schema(description = "[2.5 %, 97.5 %] quantiles of the resamples' Sharpe ratios; null when most resamples have no Sharpe ratio (no variation)", nullable = true) @JsonProperty("sharpe_ratio") List<Double> sharpeRatio) {
    }

    static RiskView of(Metrics m, StationaryBootstrap.Uncertainty u) {
        Ci95 ci = u == null ? null : new Ci95(bounds(u.periodReturnPct()), bounds(u.sharpeRatio()));
        return new RiskView(PerformanceReport.round4(m.sortinoRatio()), PerformanceReport.round4(m.calmarRatio()),
                PerformanceReport.round4(m.winRatePct()), ci,
                u == null ? null : PerformanceReport.round4(u.pValueVsBenchmark()));
    }

    private static List<Double> bounds(double[] interval) {
        return interval == null
                ? null
                : List.of(PerformanceReport.round4(interval[0]), PerformanceReport.round4(interval[1]));
    }
}
