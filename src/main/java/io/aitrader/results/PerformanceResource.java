package io.aitrader.results;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.errors.ApiError;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * GET /performance (contract 2.5). Its JDBC work blocks, so the pipeline runs on the named worker pool
 * ({@code runSubscriptionOn}), never on the event loop. Its no_data (404) names the resolved period, so the report
 * fails with it where the period is resolved. The body is the report's JSON as written once per report (see
 * {@link PerformanceCache}).
 */
@Path("/performance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class PerformanceResource {

    private final PerformanceService performance;
    private final WorkerPools pools;

    PerformanceResource(PerformanceService performance, WorkerPools pools) {
        this.performance = performance;
        this.pools = pools;
    }

    @GET
    @Operation(operationId = "getPerformance", summary = "Period performance per model, ranked by return, against a buy-and-hold benchmark", description = """
            **Period.** Default: the last DEFAULT_RESULTS_LOOKBACK_DAYS (30) calendar days ending at the latest \
            stored trading day (end_date − 29 days … end_date with the default 30); with only start_date the end is \
            the latest stored day, with only end_date the period is the 30 (lookback) calendar days ending there. The answer's start_date and end_date are trimmed to the \
            first and last day that has results; requested_start_date and requested_end_date echo the asked range.

            **Series.** Per model, V₀ is the value before its first day in the period (the previous trading day's \
            ending value, or the initial cash on the model's first day) and V₁ … Vₙ are the ending values of its n \
            days in the period (cash + holdings at the close). daily_portfolio_values lists V₁ … Vₙ; a day with \
            stale=true was computed from a result that was later replaced (metrics.stale_days counts them).

            **Formulas** (r_i = V_i / V_{i−1} − 1, the daily returns, i = 1 … n):
            - period_return_pct = (Vₙ / V₀ − 1) · 100
            - calendar_days = days from the first to the last date, both included; trading_days = n
            - annualized_return_pct = ((Vₙ / V₀)^(365 / calendar_days) − 1) · 100
            - volatility_pct = stdev(r) · √252 · 100, stdev the sample standard deviation (n − 1); null when n < 2
            - sharpe_ratio = (mean(r) − risk_free_rate / 100 / 252) / stdev(r) · √252; null when n < 2 or stdev = 0
            - max_drawdown_pct = min over i of (V_i / max(V₀ … V_i) − 1) · 100 (0 or negative), with \
            max_drawdown_peak_date and max_drawdown_trough_date (the peak V₀ is dated the first day; both null \
            when the value never fell)
            - excess_return_pct = period_return_pct − the benchmark's period_return_pct
            - sortino_ratio = (mean(r) − rf) / √(Σ min(0, r_i − rf)² / n) · √252, rf = risk_free_rate / 100 / 252; \
            null without a day below rf
            - calmar_ratio = annualized_return_pct / |max_drawdown_pct|; null when the value never fell
            - win_rate_pct = #{i : r_i > 0} / n · 100
            - total_trades = trades filled in the period: buys, sells, and the covers of margin calls
            - total_commission, total_slippage, total_borrow_fee = the sums of the period's trade commissions, \
            trade slippage (|fill_price − open| · shares) and borrow fees paid at the opens, under the job's trading \
            rules (contract 10; all 0 under the rules `none`); they are already in the values V_i, so every return \
            above is net of costs
            - turnover_pct = the traded notional of the period (Σ fill_price · shares over its trades) / \
            mean(V₁ … Vₙ) · 100; null when that mean is not positive
            - cost_usd = the sum of the model's day costs in USD (null when any day with model calls has an \
            unknown cost); tokens = their token counts summed; cost_per_model_day_usd = cost_usd / trading_days. \
            The benchmark's metrics have none of these three, nor the trading costs and turnover.

            **Re-scored runs** (trigger `rescore_of`) are models of their own, `<signature>@<rules name>`, listed \
            and ranked beside the runs they re-score.

            **Uncertainty** (contract 11). A stationary block bootstrap of the daily returns (Politis and Romano, \
            1994): 10,000 resamples of n days, each strung together from blocks that start at a uniformly drawn day \
            and run on day after day (wrapping from the last day to the first), a new block starting at each day \
            with probability 1 / L, L = ⌈n^(1/3)⌉ (mean block length), drawn from java.util.SplittableRandom seeded \
            with bootstrap_seed (default 0): the same request with the same seed gives the same answer.
            - ci95.period_return_pct = the 2.5 % and 97.5 % quantiles (linear between order statistics) of the \
            resamples' (∏(1 + r*_i) − 1) · 100; ci95.sharpe_ratio the same of their Sharpe ratios (null when most \
            resamples have no variation); null with n < 2
            - p_value_vs_benchmark: one-sided test of H0 "the mean daily excess return over the benchmark is ≤ 0", \
            the excess e_i = r_i − b_i over the benchmark's return on the same day; resampled with the same blocks, \
            p = (1 + #{b : mean(e*) − mean(e) ≥ mean(e)}) / (10,000 + 1); null without a benchmark
            Answers are kept by their exact inputs (the series and the seed), so a repeated request costs no \
            resampling.

            **Replicas and ranking with uncertainty.** A model run as replicas (`replicas` in its config or the \
            trigger) appears as `<signature>#1 … #N`; `groups` gathers each base signature with two or more replicas \
            in the period: for period_return_pct, sharpe_ratio and excess_return_pct over the replicas, mean, stdev \
            (the sample standard deviation, N − 1) and ci95 = mean ± t(0.975, N − 1) · stdev / √N (Student's t); \
            groups are ranked by the mean period return, and a group whose ci95 overlaps the rank-1 group's is \
            `indistinguishable_from_leader`. Each model is marked the same way against the rank-1 model by their \
            bootstrap ci95.period_return_pct.

            **Training window** (contract 11). in_training_window_days = the model's days of the period on or \
            before its knowledge cutoff (from model_cards.json or its config, fixed with its job; 0 for mock and \
            builtin models; null when not known). With out_of_sample=true every figure above is computed over the \
            days after the cutoff only (V₀ is then the value of the last day before them), and models without a \
            known cutoff are left out and named in warnings.

            **Benchmark.** Buy-and-hold of `benchmark` (default: the default config's, QQQ) from the default \
            config's initial cash: ⌊initial_cash / open⌋ whole shares bought at the open of the period's first day \
            with a price, the rest kept as cash; each day valued cash + shares · close (the open when the close is \
            not known yet). Its metrics use the formulas above with V₀ = initial_cash. Without prices for the symbol \
            the benchmark is null and warnings says so.

            **Markets** (contract 12). One market at a time: `market` (default: the default config's) selects the \
            models whose days were traded there; market and currency name it, and every amount is in that \
            currency. For another market than the default config's, the benchmark defaults to the market's \
            (510050.SHH, BTC) and its initial cash to the market's (100,000, 50,000).

            **Ranking.** By period_return_pct, best first (ties by model name); rank counts from 1. Values are in \
            currency rounded to cents, percentages and the Sharpe ratio to 4 decimals.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PerformanceReport.class)))
    @APIResponse(responseCode = "400", description = "invalid_date, invalid_date_range, invalid_parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no_data: no results in the period (for that model)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<byte[]> get(
            @Parameter(description = "First day, YYYY-MM-DD (default: DEFAULT_RESULTS_LOOKBACK_DAYS − 1 days before end_date)") @QueryParam("start_date") String startDate,
            @Parameter(description = "Last day, YYYY-MM-DD (default: the latest stored trading day)") @QueryParam("end_date") String endDate,
            @Parameter(description = "Only this model signature") @QueryParam("model") String model,
            @Parameter(description = "Benchmark symbol (default: the default config's benchmark)") @QueryParam("benchmark") String benchmark,
            @Parameter(description = "Annual risk free rate in percent for the Sharpe ratio (default: RISK_FREE_RATE, 0)") @QueryParam("risk_free_rate") String riskFreeRate,
            @Parameter(description = "Seed of the bootstrap's random numbers (an integer, default 0): the same request with the same seed gives the same intervals and p-values") @QueryParam("bootstrap_seed") String bootstrapSeed,
            @Parameter(description = "true: every figure only over the days after each model's knowledge cutoff (contract 11); models whose cutoff is not known are left out, and warnings names them (default false)") @QueryParam("out_of_sample") String outOfSample,
            @Parameter(description = "The market whose models are ranked: us, cn or crypto (default: the default config's). Another market than the default config's is measured against its own benchmark (510050.SHH, BTC) from its own initial cash (contract 12)") @QueryParam("market") String market) {
        // the parameters' 400s come before any work
        PerformanceQuery query = PerformanceQuery.parse(startDate, endDate, model, benchmark, riskFreeRate,
                bootstrapSeed, outOfSample, market);
        return Uni.createFrom().item(() -> performance.json(query)).runSubscriptionOn(pools.blocking());
    }

}
