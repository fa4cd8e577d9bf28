package io.aitrader.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.cost.TokenCounts;

/**
 * One model's entry in GET /results (contract 2.4); market, currency, in_training_window, trades, costs and
 * ai_reasoning only with detail=full, so the minimal shape stays the contract's four fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DayResult(String model, @JsonProperty("job_id") String jobId, Map<String, Object> positions,
        @JsonProperty("daily_pnl") DailyPnl dailyPnl, Boolean stale,
        @Schema(description = "The market the day was traded on (contract 12): us, cn or crypto; detail=full only", nullable = true) String market,
        @Schema(description = "Its currency (ISO 4217), the currency of the day's amounts; detail=full only", nullable = true) String currency,
        @Schema(description = "True when the day is on or before the model's knowledge cutoff (contract 11): the model may remember what happened rather than predict it; false after it, and for mock and builtin models; absent when no cutoff is known, and with detail=minimal", nullable = true) @JsonProperty("in_training_window") Boolean inTrainingWindow,
        List<TradeView> trades,
        TradingCosts costs, @JsonProperty("ai_reasoning") Reasoning aiReasoning) {

    /** What the day's trading cost under the job's rules (contract 10), already taken out of its profit. */
    public record TradingCosts(
            @Schema(description = "Sum of the day's trade commissions") BigDecimal commission,
            @Schema(description = "Sum of the day's trade slippage, in currency") BigDecimal slippage,
            @Schema(description = "Borrow fee the day's shorts paid at the open") @JsonProperty("borrow_fee") BigDecimal borrowFee) {
    }

    public record DailyPnl(BigDecimal profit, @JsonProperty("return_pct") BigDecimal returnPct,
            @JsonProperty("portfolio_value") BigDecimal portfolioValue) {
    }

    public record Reasoning(@JsonProperty("total_steps") int totalSteps,
            @JsonProperty("stop_signal_received") boolean stopSignalReceived,
            @JsonProperty("reasoning_summary") String reasoningSummary,
            @JsonProperty("tool_usage") Map<String, Integer> toolUsage,
            @Schema(description = "Tokens of the day's model calls; null when the day recorded none (it ran before costs were kept)", nullable = true) TokenCounts tokens,
            @Schema(description = "What the day's model calls cost in USD (at most 6 decimals, 0 for mock and builtin models); null when unknown: no price is known for the model, or the provider did not report the tokens of some call", nullable = true, example = "0.012345") @JsonProperty("cost_usd") BigDecimal costUsd) {
    }
}
