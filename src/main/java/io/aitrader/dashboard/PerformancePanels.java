package io.aitrader.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;
import io.aitrader.results.PerformanceQuery;
import io.aitrader.results.PerformanceReport;
import io.aitrader.results.PerformanceReport.DailyValue;
import io.aitrader.results.PerformanceReport.MetricsView;
import io.aitrader.results.PerformanceService;

/** Turns GET /performance's report into the dashboard's leaderboard, key figures and chart series. */
@ApplicationScoped
class PerformancePanels {

    /** Distinct on white and for common colour blindness (Okabe–Ito first, then Tableau). */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
            "#8C564B", "#7F3C8D", "#11A579", "#3969AC", "#F2B701", "#E73F74");
    static final String BENCHMARK_COLOR = "#6B7280";

    private final PerformanceService performance;
    private final ObjectMapper json;

    PerformancePanels(PerformanceService performance, ObjectMapper json) {
        this.performance = performance;
        this.json = json;
    }

    /**
     * {@code outOfSample} "true": every figure over the days after each model's knowledge cutoff only; {@code market}
     * (null or "": the default config's) the market ranked, amounts in its currency.
     */
    PerformancePanel build(String start, String end, String benchmark, String outOfSample, String market) {
        String marketInput = market == null ? "" : market.trim().toLowerCase(Locale.ROOT);
        String startInput = start == null ? "" : start;
        String endInput = end == null ? "" : end;
        String symbolInput = benchmark == null ? "" : benchmark;
        PerformanceReport report;
        try {
            report = performance.report(PerformanceQuery.parse(start, end, null, benchmark, null, null,
                    outOfSample, market));
        } catch (ApiException e) {
            String message = "no_data".equals(e.code())
                    ? "No results in this period yet. Trigger a simulation (POST /simulate/trigger) or pick "
                            + "another range."
                    : e.getMessage();
            return PerformancePanel.failed(startInput, endInput, symbolInput, marketInput, message,
                    Presets.around(LocalDate.now(ZoneOffset.UTC), startInput, endInput, symbolInput, marketInput));
        }
        String sign = Fmt.currencySign(report.market());
        List<PerformancePanel.Row> rows = new ArrayList<>();
        for (int i = 0; i < report.models().size(); i++) {
            PerformanceReport.ModelEntry m = report.models().get(i);
            rows.add(row(String.valueOf(m.rank()), m.model(), PALETTE.get(i % PALETTE.size()), m.metrics(),
                    m.dailyPortfolioValues(), Boolean.TRUE.equals(m.indistinguishableFromLeader()), sign));
        }
        PerformanceReport.Benchmark b = report.benchmark();
        PerformancePanel.Row benchmarkRow = b == null
                ? null
                : row("", b.symbol() + " buy & hold", BENCHMARK_COLOR, b.metrics(), b.dailyPortfolioValues(), false,
                        sign);
        TreeSet<LocalDate> dates = new TreeSet<>();
        report.models().forEach(m -> m.dailyPortfolioValues().forEach(v -> dates.add(v.date())));
        List<String> newestFirst = dates.descendingSet().stream().map(LocalDate::toString).toList();
        String period = Fmt.day(report.startDate()) + " → " + Fmt.day(report.endDate()) + " · " + dates.size()
                + " trading days";
        return new PerformancePanel(startInput, endInput, symbolInput, null, period,
                Kpis.of(report, rows, benchmarkRow, dates.size()), rows, benchmarkRow, chart(report, dates, rows),
                Presets.around(report.endDate(), startInput, endInput, symbolInput, marketInput),
                rows.stream().map(PerformancePanel.Row::model).toList(), newestFirst, report.warnings(),
                GroupRows.of(report.groups()), GroupRows.significance(report, rows), "true".equals(outOfSample),
                marketInput);
    }

    private static PerformancePanel.Row row(String rank, String model, String color, MetricsView m,
            List<DailyValue> values, boolean closeToLeader, String sign) {
        String drawdownTitle = m.maxDrawdownPeakDate() == null
                ? "never below a previous high"
                : "from the high of " + m.maxDrawdownPeakDate() + " to the low of " + m.maxDrawdownTroughDate();
        return new PerformancePanel.Row(rank, model, color, Fmt.pct(m.periodReturnPct()),
                Fmt.sign(m.periodReturnPct()), Fmt.pct(m.annualizedReturnPct()), Fmt.size(m.volatilityPct()),
                Fmt.ratio(m.sharpeRatio()), Fmt.pct(m.maxDrawdownPct()), drawdownTitle, Fmt.pct(m.excessReturnPct()),
                Fmt.sign(m.excessReturnPct()), m.totalTrades(), m.tradingDays(),
                Fmt.money(m.endingPortfolioValue(), sign), m.staleDays(), m.spend() == null
                        ? Fmt.NONE
                        : Fmt.usd(m.spend().costUsd()),
                costTitle(m.spend()), GroupRows.interval(m), closeToLeader, m.inTrainingWindowDays());
    }

    private static String costTitle(PerformanceReport.Spend spend) {
        if (spend == null) {
            return "a buy-and-hold makes no model calls";
        }
        String tokens = spend.tokens().input() + " input tokens (" + spend.tokens().cachedInput() + " cached), "
                + spend.tokens().output() + " output tokens";
        return spend.costUsd() == null
                ? "some day's cost is unknown: no price for the model, or unreported tokens; " + tokens
                : Fmt.usd(spend.costPerModelDayUsd()) + " per model-day; " + tokens;
    }

    /** {labels, datasets: [{label, color, values}], benchmark}: every series aligned on the same dates. */
    private String chart(PerformanceReport report, TreeSet<LocalDate> dates, List<PerformancePanel.Row> rows) {
        List<LocalDate> labels = new ArrayList<>(dates);
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (int i = 0; i < report.models().size(); i++) {
            PerformanceReport.ModelEntry m = report.models().get(i);
            datasets.add(series(m.model(), rows.get(i).color(), labels, m.dailyPortfolioValues()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels.stream().map(LocalDate::toString).toList());
        chart.put("datasets", datasets);
        chart.put("currency", Fmt.currencySign(report.market()));
        PerformanceReport.Benchmark b = report.benchmark();
        chart.put("bands", GroupRows.bands(report, labels, rows));
        chart.put("benchmark", b == null
                ? null
                : series(b.symbol() + " (buy & hold)", BENCHMARK_COLOR, labels, b.dailyPortfolioValues()));
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> series(String label, String color, List<LocalDate> labels,
            List<DailyValue> values) {
        Map<LocalDate, Double> byDate = new LinkedHashMap<>();
        values.forEach(v -> byDate.put(v.date(), v.portfolioValue()));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("label", label);
        series.put("color", color);
        series.put("values", labels.stream().map(byDate::get).toList());
        return series;
    }
}
