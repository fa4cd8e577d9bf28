package io.aitrader.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.TokenCounts;
import io.aitrader.cost.Usd;
import io.aitrader.errors.ApiException;
import io.aitrader.market.Market;

/** Builds GET /results: one trading day, one entry per model. */
@ApplicationScoped
public class ResultsService {

    private final ResultsRepository repository;

    ResultsService(ResultsRepository repository) {
        this.repository = repository;
    }

    public record Results(LocalDate date, List<DayResult> results) {
    }

    /** The day's results, of one model and one job or of any (null); empty when there are none. */
    public Optional<Results> find(LocalDate date, String model, String jobId, boolean full) {
        List<DayResult> results = repository.listByDate(date, model, jobId).stream().map(row -> toResult(row, full))
                .toList();
        return results.isEmpty() ? Optional.empty() : Optional.of(new Results(date, results));
    }

    /** The 404 of a day without results. */
    public static ApiException noData(LocalDate date, String model, String jobId) {
        return new ApiException(404, "no_data", "No results for " + date + (model == null ? "" : " and model " + model)
                + (jobId == null ? "" : " in job " + jobId), null);
    }

    private DayResult toResult(ResultRow row, boolean full) {
        Map<String, Object> positions = new LinkedHashMap<>(repository.listHoldings(row.id()));
        positions.put("CASH", cents(row.cash()));
        DayResult.DailyPnl pnl = new DayResult.DailyPnl(cents(row.profit()),
                row.returnPct().setScale(4, RoundingMode.HALF_UP), cents(row.endingValue()));
        List<TradeView> trades = full ? repository.listTrades(row.id()) : null;
        Market market = Market.byId(row.market()).orElse(Market.US);
        return new DayResult(row.model(), row.jobId(), positions, pnl, row.stale() ? Boolean.TRUE : null,
                full ? market.id() : null, full ? market.currency() : null,
                full ? TrainingWindow.contains(row.knowledgeCutoff(), row.date()) : null, trades,
                full ? costs(row.trading()) : null,
                full
                        ? new DayResult.Reasoning(row.totalSteps(), row.stopSignal(), row.summary(),
                                repository.listToolUsage(row.id()),
                                row.cost() == null ? null : TokenCounts.from(row.cost().tokens()),
                                row.cost() == null ? null : Usd.shown(row.cost().costUsd()))
                        : null);
    }

    private static DayResult.TradingCosts costs(ResultRow.Costs costs) {
        return new DayResult.TradingCosts(cents(costs.commission()), cents(costs.slippage()),
                cents(costs.borrowFee()));
    }

    static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
