package io.aitrader.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One model's entry in GET /results (contract 2.4); trades and ai_reasoning only with detail=full. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DayResult(String model, @JsonProperty("job_id") String jobId, Map<String, Object> positions,
        @JsonProperty("daily_pnl") DailyPnl dailyPnl, Boolean stale, List<TradeView> trades,
        @JsonProperty("ai_reasoning") Reasoning aiReasoning) {

    public record DailyPnl(BigDecimal profit, @JsonProperty("return_pct") BigDecimal returnPct,
            @JsonProperty("portfolio_value") BigDecimal portfolioValue) {
    }

    public record Reasoning(@JsonProperty("total_steps") int totalSteps,
            @JsonProperty("stop_signal_received") boolean stopSignalReceived,
            @JsonProperty("reasoning_summary") String reasoningSummary,
            @JsonProperty("tool_usage") Map<String, Integer> toolUsage) {
    }
}
