package io.aitrader.jobs.trigger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ConfigService;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.Replicas;
import io.aitrader.config.SimulationConfig;
import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;
import io.aitrader.jobs.JobsSettings;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.PlannedDay;
import io.aitrader.market.Market;
import io.aitrader.market.MarketCalendar;
import io.aitrader.prices.PriceRepository;

/**
 * Resolves a trigger into model-days: dates to trading days, resume points per model, limits (contract 2.1), and each
 * model's price as of today (contract 9).
 */
@ApplicationScoped
public class TriggerPlanner {

    private final ConfigService configs;
    private final PriceRepository prices;
    private final LedgerRepository ledger;
    private final JobsSettings settings;
    private final JobPricing pricing;

    TriggerPlanner(ConfigService configs, PriceRepository prices, LedgerRepository ledger,
            JobsSettings settings, JobPricing pricing) {
        this.pricing = pricing;
        this.configs = configs;
        this.prices = prices;
        this.ledger = ledger;
        this.settings = settings;
    }

    public TriggerPlan plan(TriggerRequest request, LocalDate today) {
        if (request.configPath() != null && request.configPath().isBlank()) {
            // ConfigService maps blank to the default config; in a body a blank path is a mistake, not absent
            throw ApiException.invalidField("invalid_config_path", "config_path", safe(request.configPath()),
                    "config_path is empty; leave it out to run the default config");
        }
        String configPath = request.configPath() == null ? configs.defaultConfigPath() : request.configPath();
        BigDecimal maxCost = request.maxCost();
        Integer replicas = request.replicaCount();
        SimulationConfig file = configs.load(configPath);
        List<String> chosen = selectModels(file, request.models());
        SimulationConfig loaded = Replicas.expand(file, replicas);
        List<String> models = loaded.models().stream().map(ModelSpec::signature)
                .filter(s -> chosen.stream().anyMatch(base -> Replicas.runsAs(base, s))).toList();
        refuseOtherMarkets(models, file.market().id());
        List<String> warnings = new ArrayList<>();
        SimulationConfig config = pricing.dated(pricing.priced(loaded, models, today, warnings), models, warnings);
        MarketCalendar calendar = config.market().calendar();
        Optional<LocalDate> start = parseDate("start_date", request.startDate());
        LocalDate end = parseDate("end_date", request.endDate()).orElseGet(() -> latestPricedDay(today, config));
        if (end.isAfter(today)) {
            throw ApiException.invalidField("invalid_date_range", "end_date", end.toString(),
                    "end_date must not be after today (" + today + ")");
        }
        if (start.isPresent() && start.get().isAfter(end)) {
            throw ApiException.invalidField("invalid_date_range", "start_date", start.get().toString(),
                    "start_date must not be after end_date (" + end + ")");
        }
        int limit = settings.maxSimulationDays();
        if (start.isPresent()) {
            int days = calendar.tradingDays(start.get(), end).size();
            if (days > limit) {
                Map<String, Object> details = new LinkedHashMap<>(); // Map.of's order changes from run to run
                details.put("trading_days", days);
                details.put("max_simulation_days", limit);
                throw ApiException.badRequest("range_too_large", "The range has " + days
                        + " trading days; at most " + limit + " are allowed (MAX_SIMULATION_DAYS)", details);
            }
        }
        List<PlannedDay> toRun = new ArrayList<>();
        List<PlannedDay> skipped = new ArrayList<>();
        for (String model : models) {
            LocalDate from = start.orElseGet(() -> resumeFrom(model, config, end));
            List<LocalDate> days = from.isAfter(end) ? List.of() : calendar.tradingDays(from, end);
            Set<LocalDate> done = request.replace() || days.isEmpty()
                    ? Set.of()
                    : ledger.listCompletedDates(model, days.get(0), days.get(days.size() - 1));
            List<LocalDate> missing = new ArrayList<>();
            for (LocalDate day : days) {
                if (done.contains(day)) {
                    skipped.add(new PlannedDay(model, day, ModelDayStatus.SKIPPED, PlannedDay.ALREADY_COMPLETED));
                } else {
                    missing.add(day);
                }
            }
            if (start.isEmpty() && missing.size() > limit) {
                warnings.add(model + ": " + (missing.size() - limit) + " more trading days remain after "
                        + missing.get(limit - 1) + "; trigger again to continue");
                missing = missing.subList(0, limit);
            }
            missing.forEach(day -> toRun.add(PlannedDay.pending(model, day)));
        }
        return new TriggerPlan(configPath, config, models, toRun, skipped, warnings, request.replace(), maxCost, null,
                null);
    }

    /**
     * A job trades one market (its config's), and a model's days chain from its latest stored day: a signature with
     * days in another market would start from that market's cash and holdings, so the trigger is refused.
     */
    private void refuseOtherMarkets(List<String> models, String market) {
        Map<String, String> others = ledger.listOtherMarkets(models, market);
        if (others.isEmpty()) {
            return;
        }
        Map.Entry<String, String> first = others.entrySet().iterator().next();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", first.getKey());
        details.put("market", market);
        details.put("stored_market", first.getValue());
        throw ApiException.badRequest("market_mismatch", "Model " + first.getKey() + " has results in the "
                + first.getValue() + " market and this config trades the " + market + " market; a signature"
                + " trades in one market, so give this model a signature of its own", details);
    }

    /** The 200 "current" answer: the latest completed day among the plan's models and the trading day after it. */
    public UpToDate upToDate(TriggerPlan plan) {
        Optional<LocalDate> last = plan.models().stream().map(ledger::findLastCompletedDate).flatMap(Optional::stream)
                .max(LocalDate::compareTo);
        LocalDate next = plan.config().market().calendar()
                .nextTradingDay(last.orElse(LocalDate.now(java.time.ZoneOffset.UTC)));
        return new UpToDate("current", "Simulation already up-to-date", last.orElse(null), next);
    }

    /** The trading day after the model's last completed day; else the config's init_date; else only the end. */
    private LocalDate resumeFrom(String model, SimulationConfig config, LocalDate end) {
        return ledger.findLastCompletedDate(model).map(config.market().calendar()::nextTradingDay)
                .or(() -> Optional.ofNullable(config.dateRange() == null ? null : config.dateRange().initDate()))
                .orElse(end);
    }

    /**
     * The catch-up's last day: the latest date with prices — of any symbol on the US market (as before markets), of
     * the config's own symbols on another (the store holds every market's prices side by side).
     */
    private LocalDate latestPricedDay(LocalDate today, SimulationConfig config) {
        Optional<LocalDate> latest = config.market() == Market.US
                ? prices.findLatestCompleteDate()
                : prices.findLatestCompleteDate(config.universeAndBenchmark());
        return latest.filter(d -> !d.isAfter(today))
                .orElseGet(() -> config.market().calendar().previousTradingDay(today));
    }

    private static List<String> selectModels(SimulationConfig config, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return config.enabledModels().stream().map(ModelSpec::signature).toList();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String signature : requested) {
            if (signature == null || config.model(signature).isEmpty()) {
                throw ApiException.invalidField("unknown_model", "models", signature,
                        "The config has no model with signature '" + safe(signature) + "'");
            }
            unique.add(signature);
        }
        return List.copyOf(unique);
    }

    /** A body's date field: absent or null is empty, blank or malformed a 400 (contract 2.1). */
    static Optional<LocalDate> parseDate(String field, String value) {
        if (value != null && value.isBlank()) {
            // Contract 2.1: only null or absent means "resume" / "latest"; in a body an empty string is a mistake
            throw ApiException.invalidField("invalid_date", field, safe(value),
                    field + " is empty; leave it out (or send null) instead");
        }
        return Optional.ofNullable(Params.date(field, value));
    }

    public static String safe(String value) {
        return Params.safe(value);
    }
}
