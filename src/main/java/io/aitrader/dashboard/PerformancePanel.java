package io.aitrader.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.aitrader.market.Market;

/**
 * The leaderboard, the key figures and the chart of one period. {@code chartJson} carries the series for the page's
 * script; {@code error} replaces the rest when the period has no results or the range is invalid.
 */
record PerformancePanel(String startInput, String endInput, String benchmarkInput, String error, String period,
        List<Kpi> kpis, List<Row> rows, Row benchmark, String chartJson, List<Preset> presets, List<String> models,
        List<String> dates, List<String> warnings, List<GroupRow> groups, String significance, boolean outOfSample,
        String marketInput) {

    /**
     * A leaderboard line, already formatted; {@code color} matches the model's line in the chart, {@code cost} is what
     * its model calls cost in the period ("unknown" when some day's cost is, "—" on the benchmark).
     */
    record Row(String rank, String model, String color, String periodReturn, String returnClass, String annualized,
            String volatility, String sharpe, String drawdown, String drawdownTitle, String excess,
            String excessClass, int trades, int tradingDays, String endValue, int staleDays, String cost,
            String costTitle, String interval, boolean closeToLeader, Integer inTrainingWindowDays) {
    }

    /**
     * A model run as replicas: "+3.10% ± 1.20" (mean ± half the 95 % interval over replicas), the spread, and whether
     * its interval overlaps the leading group's.
     */
    record GroupRow(String rank, String model, int replicas, String meanReturn, String returnClass, String stdev,
            String sharpe, boolean closeToLeader) {
    }

    record Kpi(String label, String value, String detail, String cssClass) {
    }

    record Preset(String label, String href, boolean active) {
    }

    static PerformancePanel failed(String start, String end, String benchmark, String market, String error,
            List<Preset> presets) {
        return new PerformancePanel(start, end, benchmark, error, "", List.of(), List.of(), null, "{}", presets,
                List.of(), List.of(), List.of(), List.of(), null, false, market);
    }

    /** One choice of the form's market list; value "" is the default config's market. */
    record MarketOption(String value, String label, boolean selected) {
    }

    /** The benchmark field's hint: the chosen market's benchmark (BTC for crypto), QQQ for the default. */
    public String benchmarkPlaceholder() {
        return Market.byId(marketInput).map(Market::benchmark).orElse(Market.US.benchmark());
    }

    /** The markets the form offers, the chosen one selected. */
    public List<MarketOption> markets() {
        List<MarketOption> options = new ArrayList<>();
        options.add(new MarketOption("", "default", marketInput == null || marketInput.isEmpty()));
        for (Market market : Market.values()) {
            options.add(new MarketOption(market.id(), market.id(), market.id().equals(marketInput)));
        }
        return options;
    }
}
