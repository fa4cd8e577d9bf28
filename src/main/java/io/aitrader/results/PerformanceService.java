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
import io.aitrader.market.Market;
import io.aitrader.prices.PriceBar;
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
    private final PerformanceCache cache;

    PerformanceService(PerformanceRepository repository, PriceRepository prices, ConfigService configs,
            ResultsSettings settings, BootstrapCache bootstraps, PerformanceCache cache) {
        this.bootstraps = bootstraps;
        this.cache = cache;
        this.repository = repository;
        this.prices = prices;
        this.configs = configs;
        this.settings = settings;
    }

    /** The report of {@code query}, built again only when its inputs changed (see {@link PerformanceCache}). */
    public PerformanceReport report(PerformanceQuery query) {
        Inputs inputs = inputs(query);
        return cache.report(inputs, () -> build(inputs));
    }

    /** The same report as JSON, written once per report. */
    public byte[] json(PerformanceQuery query) {
        Inputs inputs = inputs(query);
        return cache.json(inputs, () -> build(inputs));
    }

    /**
     * What a report is computed from, read with a few small queries: the resolved query (period, benchmark symbol,
     * risk-free rate), the default config's figures, the version of the stored results (raised by every write of
     * them) and the benchmark's bars of the period.
     */
    private record Inputs(PerformanceQuery query, Defaults defaults, BigDecimal initialCash, long resultsVersion,
            List<PriceBar> bars) {
    }

    private Inputs inputs(PerformanceQuery query) {
        Defaults defaults = defaults();
        // another market than the default config's has its own benchmark and initial cash (contract 12)
        Market market = query.market() != null ? query.market() : defaults.market();
        boolean defaultMarket = market == defaults.market();
        String symbol = query.benchmark() != null
                ? query.benchmark()
                : defaultMarket ? defaults.benchmark() : market.benchmark();
        BigDecimal cash = defaultMarket ? defaults.initialCash() : market.initialCash();
        double riskFree = query.riskFreeRatePct() != null ? query.riskFreeRatePct() : settings.riskFreeRate();
        long version = repository.findResultsVersion(query.model());

        LocalDate end = query.endDate();
        if (end == null) {
            end = repository.findLatestDate(query.model(), market.id()).orElseThrow(() -> noData(query));
        }
        LocalDate start = query.startDate() != null
                ? query.startDate()
                : end.minusDays(settings.defaultResultsLookbackDays() - 1L);
        PerformanceQuery resolved = new PerformanceQuery(start, end, query.model(), symbol, riskFree,
                query.bootstrapSeed(), query.outOfSample(), market);
        if (start.isAfter(end)) {
            throw noData(resolved);
        }
        return new Inputs(resolved, defaults, cash, version, prices.listBars(List.of(symbol), start, end));
    }

    private PerformanceReport build(Inputs inputs) {
        PerformanceQuery query = inputs.query();
        LocalDate start = query.startDate();
        LocalDate end = query.endDate();
        String symbol = query.benchmark();
        double riskFree = query.riskFreeRatePct();
        String market = query.market().id();
        List<DayValue> rows = repository.listValues(start, end, market, query.model(), query.outOfSample());
        if (rows.isEmpty()) {
            throw noData(query);
        }
        List<String> warnings = new ArrayList<>();
        if (inputs.defaults().warning() != null) {
            warnings.add(inputs.defaults().warning());
        }
        if (query.outOfSample()) {
            List<String> undated = repository.listUndated(start, end, market, query.model());
            if (!undated.isEmpty()) {
                warnings.add("out_of_sample leaves out the models whose knowledge cutoff is not known: "
                        + String.join(", ", undated) + " (add them to model_cards.json or give them a"
                        + " knowledge_cutoff in their config)");
            }
        }
        Map<String, ModelTotals> totals = repository.listTotals(start, end, market, query.model(),
                query.outOfSample());
        LocalDate first = rows.stream().map(DayValue::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = rows.stream().map(DayValue::date).max(Comparator.naturalOrder()).orElseThrow();

        BigDecimal cash = inputs.initialCash();
        List<PriceBar> period = inputs.bars().stream()
                .filter(bar -> !bar.date().isBefore(first) && !bar.date().isAfter(last)).toList();
        Optional<BuyAndHold> hold = BuyAndHold.of(symbol, cash, period,
                query.market().rules().quantityDecimals());
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
        return new PerformanceReport(first, last, start, end, cash.doubleValue(), riskFree, query.market().id(),
                query.market().currency(),
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

    /** The default config's benchmark and initial cash, or the fallbacks with a warning that says so. */
    private record Defaults(String benchmark, BigDecimal initialCash, Market market, String warning) {
    }

    private Defaults defaults() {
        try {
            SimulationConfig config = configs.defaultConfig();
            return new Defaults(config.benchmark(), config.agentConfig().initialCash(), config.market(), null);
        } catch (RuntimeException e) {
            Log.warnf("GET /performance: the default config could not be read (%s); using %s and %s", e.getMessage(),
                    FALLBACK_BENCHMARK, FALLBACK_CASH);
            return new Defaults(FALLBACK_BENCHMARK, FALLBACK_CASH, Market.US,
                    "The default config could not be read: benchmark "
                            + FALLBACK_BENCHMARK + " and initial cash " + FALLBACK_CASH + " assumed");
        }
    }

    private static ApiException noData(PerformanceQuery query) {
        String period = query.startDate() == null ? "" : " between " + query.startDate() + " and " + query.endDate();
        return new ApiException(404, "no_data", "No results" + period
                + (query.model() == null ? "" : " for model " + query.model()), null);
    }
}
