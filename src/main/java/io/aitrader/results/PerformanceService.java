package io.aitrader.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ConfigService;
import io.aitrader.config.SimulationConfig;
import io.aitrader.errors.ApiException;
import io.aitrader.prices.PriceRepository;
import io.aitrader.results.PerformanceReport.Benchmark;
import io.aitrader.results.PerformanceReport.ModelEntry;
import io.aitrader.results.PerformanceRepository.DayValue;
import io.aitrader.results.PerformanceRepository.ModelTotals;
import io.quarkus.logging.Log;

/** Builds GET /performance: resolves the period, reads every model's values at once, ranks them by return. */
@ApplicationScoped
public class PerformanceService {

    static final String FALLBACK_BENCHMARK = "QQQ";
    static final BigDecimal FALLBACK_CASH = BigDecimal.valueOf(10_000);

    private final PerformanceRepository repository;
    private final PriceRepository prices;
    private final ConfigService configs;
    private final ResultsSettings settings;
    private final BootstrapCache bootstraps;

    PerformanceService(PerformanceRepository repository, PriceRepository prices, ConfigService configs,
            ResultsSettings settings, BootstrapCache bootstraps) {
        this.bootstraps = bootstraps;
        this.repository = repository;
        this.prices = prices;
        this.configs = configs;
        this.settings = settings;
    }

    public PerformanceReport report(PerformanceQuery query) {
        List<String> warnings = new ArrayList<>();
        Defaults defaults = defaults(warnings);
        String symbol = query.benchmark() != null ? query.benchmark() : defaults.benchmark();
        double riskFree = query.riskFreeRatePct() != null ? query.riskFreeRatePct() : settings.riskFreeRate();

        LocalDate end = query.endDate();
        if (end == null) {
            end = repository.findLatestDate(query.model()).orElseThrow(() -> noData(query));
        }
        LocalDate start = query.startDate() != null
                ? query.startDate()
                : end.minusDays(settings.defaultResultsLookbackDays() - 1L);
        List<DayValue> rows = start.isAfter(end)
                ? List.of()
                : repository.listValues(start, end, query.model(),
                        query.outOfSample());
        if (rows.isEmpty()) {
            throw noData(new PerformanceQuery(start, end, query.model(), symbol, riskFree));
        }
        Map<String, ModelTotals> totals = repository.listTotals(start, end, query.model(), query.outOfSample());
        if (query.outOfSample()) {
            List<String> undated = repository.listUndated(start, end, query.model());
            if (!undated.isEmpty()) {
                warnings.add("out_of_sample leaves out the models whose knowledge cutoff is not known: "
                        + String.join(", ", undated) + " (add them to model_cards.json or give them a"
                        + " knowledge_cutoff in their config)");
            }
        }
        LocalDate first = rows.stream().map(DayValue::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = rows.stream().map(DayValue::date).max(Comparator.naturalOrder()).orElseThrow();

        BigDecimal cash = defaults.initialCash();
        Optional<BuyAndHold> hold = BuyAndHold.of(symbol, cash, prices.listBars(List.of(symbol), first, last));
        Metrics held = hold.map(h -> Metrics.of(cash.doubleValue(), h.dates(), h.values(), riskFree)).orElse(null);
        if (held == null) {
            warnings.add("No prices for the benchmark " + symbol + " between " + first + " and " + last
                    + ": no benchmark and no excess return");
        }
        Double benchmarkReturn = held == null ? null : held.periodReturnPct();
        long seed = query.bootstrapSeed();
        ExcessReturns excess = hold.map(h -> new ExcessReturns(h, cash.doubleValue())).orElse(null);
        PerformanceReport.Bootstrapper bootstrap = (days, m) -> bootstraps.of(m.dailyReturns(),
                excess == null ? null : excess.of(days, m), riskFree, seed);

        List<List<DayValue>> series = new ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            int to = from;
            while (to < rows.size() && rows.get(to).model().equals(rows.get(from).model())) {
                to++;
            }
            series.add(rows.subList(from, to));
            from = to;
        }
        // the bootstrap is the costly part (10,000 resamples a model): the models' entries are built side by side
        List<ModelEntry> models = series.parallelStream().map(days -> ModelEntry.from(days,
                totals.get(days.get(0).model()), riskFree, benchmarkReturn, bootstrap)).toList();
        for (ModelEntry entry : models) {
            if (entry.metrics().staleDays() > 0) {
                warnings.add(entry.model() + " has " + entry.metrics().staleDays() + " stale day(s), computed from a"
                        + " result that was later replaced; run them again with replace_existing");
            }
        }
        List<ModelEntry> ranked = rank(models);
        return new PerformanceReport(first, last, start, end, cash.doubleValue(), riskFree,
                hold.map(h -> Benchmark.from(h, held, bootstraps.of(held.dailyReturns(), null, riskFree, seed)))
                        .orElse(null),
                ranked, ReplicaGroups.of(ranked), warnings);
    }

    /** Best period return first; a model without one last; ties by name. Ranks count from 1. */
    static List<ModelEntry> rank(List<ModelEntry> models) {
        Comparator<ModelEntry> byReturn = Comparator.comparing(m -> m.metrics().periodReturnPct(),
                Comparator.nullsLast(Comparator.reverseOrder()));
        List<ModelEntry> sorted = models.stream().sorted(byReturn.thenComparing(ModelEntry::model)).toList();
        List<ModelEntry> ranked = new ArrayList<>(sorted.size());
        List<Double> leader = sorted.isEmpty() ? null : periodInterval(sorted.get(0));
        for (int i = 0; i < sorted.size(); i++) {
            ModelEntry m = sorted.get(i);
            List<Double> own = periodInterval(m);
            Boolean close = leader == null || own == null
                    ? null
                    : i > 0 && own.get(0) <= leader.get(1) && leader.get(0) <= own.get(1);
            ranked.add(new ModelEntry(m.model(), i + 1, m.dailyPortfolioValues(), m.metrics(), close));
        }
        return ranked;
    }

    private static List<Double> periodInterval(ModelEntry m) {
        RiskView risk = m.metrics().risk();
        return risk == null || risk.ci95() == null ? null : risk.ci95().periodReturnPct();
    }

    private record Defaults(String benchmark, BigDecimal initialCash) {
    }

    private Defaults defaults(List<String> warnings) {
        try {
            SimulationConfig config = configs.defaultConfig();
            return new Defaults(config.benchmark(), config.agentConfig().initialCash());
        } catch (RuntimeException e) {
            Log.warnf("GET /performance: the default config could not be read (%s); using %s and %s", e.getMessage(),
                    FALLBACK_BENCHMARK, FALLBACK_CASH);
            warnings.add("The default config could not be read: benchmark " + FALLBACK_BENCHMARK
                    + " and initial cash " + FALLBACK_CASH + " assumed");
            return new Defaults(FALLBACK_BENCHMARK, FALLBACK_CASH);
        }
    }

    private static ApiException noData(PerformanceQuery query) {
        String period = query.startDate() == null ? "" : " between " + query.startDate() + " and " + query.endDate();
        return new ApiException(404, "no_data", "No results" + period
                + (query.model() == null ? "" : " for model " + query.model()), null);
    }
}
