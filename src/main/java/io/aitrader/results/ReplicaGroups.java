package io.aitrader.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.math3.distribution.TDistribution;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.config.Replicas;
import io.aitrader.results.PerformanceReport.MetricsView;
import io.aitrader.results.PerformanceReport.ModelEntry;

/**
 * The replicas of one model side by side (contract 11): per base signature with two or more replicas in the period,
 * the mean, sample standard deviation and 95 % interval over replicas of the period return, Sharpe ratio and excess
 * return; groups ranked by their mean period return, and marked when their interval overlaps the leader's.
 */
public final class ReplicaGroups {

    private ReplicaGroups() {
    }

    /** Mean, sample standard deviation and mean ± t(0.975, N − 1) · stdev / √N over the replicas with a value. */
    public record Spread(Double mean, Double stdev, List<Double> ci95) {

        static Spread of(List<Double> values) {
            List<Double> known = values.stream().filter(v -> v != null).toList();
            if (known.isEmpty()) {
                return new Spread(null, null, null);
            }
            double mean = known.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            if (known.size() < 2) {
                return new Spread(PerformanceReport.round4(mean), null, null);
            }
            double squares = known.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double stdev = Math.sqrt(squares / (known.size() - 1));
            double half = new TDistribution(known.size() - 1).inverseCumulativeProbability(0.975) * stdev
                    / Math.sqrt(known.size());
            return new Spread(PerformanceReport.round4(mean), PerformanceReport.round4(stdev),
                    List.of(PerformanceReport.round4(mean - half), PerformanceReport.round4(mean + half)));
        }

        boolean overlaps(Spread other) {
            return ci95 != null && other.ci95 != null && ci95.get(0) <= other.ci95.get(1)
                    && other.ci95.get(0) <= ci95.get(1);
        }
    }

    /** One base signature's replicas. */
    public record Group(String model, int replicas, int rank, List<String> members,
            @Schema(description = "Over the replicas' period_return_pct") @JsonProperty("period_return_pct") Spread periodReturnPct,
            @Schema(description = "Over the replicas' sharpe_ratio") @JsonProperty("sharpe_ratio") Spread sharpeRatio,
            @Schema(description = "Over the replicas' excess_return_pct (null without a benchmark)") @JsonProperty("excess_return_pct") Spread excessReturnPct,
            @Schema(description = "True when this group's period_return_pct interval overlaps the leader's (rank 1): the data cannot tell them apart") @JsonProperty("indistinguishable_from_leader") boolean indistinguishableFromLeader) {
    }

    /** The groups of {@code models} (every model whose signature is {@code <base>#k}, two or more a base). */
    static List<Group> of(List<ModelEntry> models) {
        Map<String, List<ModelEntry>> byBase = new LinkedHashMap<>();
        for (ModelEntry m : models) {
            String base = Replicas.base(m.model());
            if (!base.equals(m.model())) {
                byBase.computeIfAbsent(base, b -> new ArrayList<>()).add(m);
            }
        }
        List<Group> unranked = new ArrayList<>();
        byBase.forEach((base, members) -> {
            if (members.size() >= 2) {
                unranked.add(new Group(base, members.size(), 0, members.stream().map(ModelEntry::model).sorted()
                        .toList(), spread(members, MetricsView::periodReturnPct),
                        spread(members, MetricsView::sharpeRatio), spread(members, MetricsView::excessReturnPct),
                        false));
            }
        });
        unranked.sort(Comparator.comparing((Group g) -> g.periodReturnPct().mean(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Group::model));
        List<Group> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Group g = unranked.get(i);
            boolean close = i > 0 && g.periodReturnPct().overlaps(unranked.get(0).periodReturnPct());
            ranked.add(new Group(g.model(), g.replicas(), i + 1, g.members(), g.periodReturnPct(), g.sharpeRatio(),
                    g.excessReturnPct(), close));
        }
        return ranked;
    }

    private static Spread spread(List<ModelEntry> members, Function<MetricsView, Double> figure) {
        return Spread.of(members.stream().map(m -> figure.apply(m.metrics())).toList());
    }
}
