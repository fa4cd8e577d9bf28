package io.aitrader.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aitrader.results.PerformanceReport;
import io.aitrader.results.PerformanceReport.MetricsView;
import io.aitrader.results.ReplicaGroups;
import io.aitrader.results.RiskView;

/** What the dashboard shows of the statistics (contract 11): intervals, replica groups, their bands, significance. */
final class GroupRows {

    private GroupRows() {
    }

    /** "[−1.20, +7.40]": the bootstrap 95 % interval of the period return, or "" without one. */
    static String interval(MetricsView m) {
        RiskView risk = m.risk();
        if (risk == null || risk.ci95() == null || risk.ci95().periodReturnPct() == null) {
            return "";
        }
        List<Double> ci = risk.ci95().periodReturnPct();
        return String.format(Locale.ROOT, "[%+.2f, %+.2f]", ci.get(0), ci.get(1));
    }

    static List<PerformancePanel.GroupRow> of(List<ReplicaGroups.Group> groups) {
        return groups.stream().map(g -> {
            ReplicaGroups.Spread r = g.periodReturnPct();
            String mean = r.mean() == null
                    ? Fmt.NONE
                    : Fmt.pct(r.mean()) + (r.ci95() == null
                            ? ""
                            : String.format(Locale.ROOT, " ± %.2f", (r.ci95().get(1) - r.ci95().get(0)) / 2));
            return new PerformancePanel.GroupRow(String.valueOf(g.rank()), g.model(), g.replicas(), mean,
                    Fmt.sign(r.mean()), Fmt.size(r.stdev()), Fmt.ratio(g.sharpeRatio().mean()),
                    g.indistinguishableFromLeader());
        }).toList();
    }

    /** A note when the leader's lead is within the noise, else null. */
    static String significance(PerformanceReport report, List<PerformancePanel.Row> rows) {
        long close = rows.stream().filter(PerformancePanel.Row::closeToLeader).count();
        long groups = report.groups().stream().filter(ReplicaGroups.Group::indistinguishableFromLeader).count();
        if (close == 0 && groups == 0) {
            return null;
        }
        String leader = rows.isEmpty() ? "" : rows.get(0).model();
        return String.format(Locale.ROOT, "%s's lead is not significant: %d model%s and %d replica group%s cannot be"
                + " told apart from the leader (their 95 %% intervals overlap). Marked ≈ below.", leader, close,
                close == 1 ? "" : "s", groups, groups == 1 ? "" : "s");
    }

    /** {label, color, low, high} per replica group: the min and max of its replicas' values on each date. */
    static List<Map<String, Object>> bands(PerformanceReport report, List<LocalDate> labels,
            List<PerformancePanel.Row> rows) {
        List<Map<String, Object>> bands = new ArrayList<>();
        for (ReplicaGroups.Group group : report.groups()) {
            // each date's min and max over the members, in one pass over their values
            Map<LocalDate, double[]> range = new HashMap<>();
            for (PerformanceReport.ModelEntry m : report.models()) {
                if (group.members().contains(m.model())) {
                    for (PerformanceReport.DailyValue v : m.dailyPortfolioValues()) {
                        range.merge(v.date(), new double[]{v.portfolioValue(), v.portfolioValue()},
                                (a, b) -> new double[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                }
            }
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            for (LocalDate date : labels) {
                double[] r = range.get(date);
                low.add(r == null ? null : r[0]);
                high.add(r == null ? null : r[1]);
            }
            String color = rows.stream().filter(r -> group.members().contains(r.model())).map(
                    PerformancePanel.Row::color).findFirst().orElse("#6b7280");
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("label", group.model() + " (min–max of " + group.replicas() + " replicas)");
            band.put("color", color);
            band.put("low", low);
            band.put("high", high);
            bands.add(band);
        }
        return bands;
    }
}
