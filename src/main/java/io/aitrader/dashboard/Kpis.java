package io.aitrader.dashboard;

import java.util.ArrayList;
import java.util.List;

import io.aitrader.results.PerformanceReport;

/** The key figures above the chart: who leads, how the benchmark did, how many beat it, the period. */
final class Kpis {

    private Kpis() {
    }

    static List<PerformancePanel.Kpi> of(PerformanceReport report, List<PerformancePanel.Row> rows,
            PerformancePanel.Row benchmark, int tradingDays) {
        List<PerformancePanel.Kpi> kpis = new ArrayList<>();
        if (!rows.isEmpty()) {
            PerformancePanel.Row leader = rows.get(0);
            kpis.add(new PerformancePanel.Kpi("Leader", leader.model(),
                    leader.periodReturn() + " · " + leader.endValue(), leader.returnClass()));
        }
        if (benchmark != null) {
            kpis.add(new PerformancePanel.Kpi("Benchmark " + report.benchmark().symbol(), benchmark.periodReturn(),
                    "buy & hold from " + Fmt.money(report.initialCash(), Fmt.currencySign(report.market())),
                    benchmark.returnClass()));
            long beating = report.models().stream().filter(m -> m.metrics().excessReturnPct() != null
                    && m.metrics().excessReturnPct() > 0).count();
            kpis.add(new PerformancePanel.Kpi("Beating " + report.benchmark().symbol(),
                    beating + " of " + rows.size(), rows.size() == 1 ? "model" : "models", "flat"));
        }
        kpis.add(new PerformancePanel.Kpi("Period", tradingDays + " trading days",
                Fmt.day(report.startDate()) + " → " + Fmt.day(report.endDate()), "flat"));
        return kpis;
    }
}
