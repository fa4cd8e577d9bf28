package io.aitrader.jobs.engine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.cost.DayCost;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDayStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's meters (docs/operations.md): finished jobs by final status, model-days by outcome and the duration of
 * those that ran. Every meter is built once here, so the hot path only increments.
 */
@ApplicationScoped
public class JobMetrics {

    static final String JOBS_FINISHED = "aitrader.jobs.finished";
    static final String MODEL_DAYS = "aitrader.model.days";
    static final String MODEL_DAY_DURATION = "aitrader.model.day.duration";
    static final String TAKEN_OVER = "aitrader.model.days.taken.over";
    static final String COST = "aitrader.llm.cost.usd";
    static final String MODEL_TOKENS = "aitrader.llm.model.tokens";
    static final String SERVED = "aitrader.llm.served.calls";

    private static final Duration[] DAY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25),
            Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(300), Duration.ofSeconds(600)};

    private final Map<JobStatus, Counter> finished = new EnumMap<>(JobStatus.class);
    private final Map<ModelDayStatus, Counter> days = new EnumMap<>(ModelDayStatus.class);
    private final Map<ModelDayStatus, Timer> durations = new EnumMap<>(ModelDayStatus.class);
    private final Counter takenOver;
    private final MeterRegistry registry;
    private final Map<String, ModelMeters> byModel = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        takenOver = Counter.builder(TAKEN_OVER).description(
                "Model-days this instance claimed after another instance's lease on them expired (PostgreSQL)")
                .register(registry);
        for (JobStatus status : JobStatus.values()) {
            if (!status.active()) {
                finished.put(status, Counter.builder(JOBS_FINISHED).description("Jobs that ended, by final status")
                        .tag("status", status.wire()).register(registry));
            }
        }
        for (ModelDayStatus status : ModelDayStatus.values()) {
            if (status == ModelDayStatus.PENDING || status == ModelDayStatus.RUNNING) {
                continue;
            }
            days.put(status, Counter.builder(MODEL_DAYS).description("Model-days that ended, by outcome")
                    .tag("outcome", status.wire()).register(registry));
            if (status != ModelDayStatus.SKIPPED) {
                durations.put(status, Timer.builder(MODEL_DAY_DURATION)
                        .description("Wall time of model-days that ran, from start to their end")
                        .tag("outcome", status.wire()).serviceLevelObjectives(DAY_BUCKETS).register(registry));
            }
        }
    }

    /** A model-day that ran ended with {@code outcome} after {@code nanos}. */
    void dayRan(ModelDayStatus outcome, long nanos) {
        days.get(outcome).increment();
        durations.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code count} model-days ended with {@code outcome} without running (skipped, cancelled, failed). */
    void daysEnded(ModelDayStatus outcome, int count) {
        if (count > 0) {
            days.get(outcome).increment(count);
        }
    }

    /** This instance took over {@code count} model-days whose lease had expired. */
    void takenOver(int count) {
        if (count > 0) {
            takenOver.increment(count);
        }
    }

    /** What a model-day's model calls used and cost, by model (a cost that is unknown adds nothing to the spend). */
    void spent(String model, DayCost cost) {
        if (cost == null || cost.calls() == 0 && cost.servedCalls() == 0) {
            return;
        }
        ModelMeters meters = byModel.computeIfAbsent(model, this::modelMeters);
        meters.served.increment(cost.servedCalls());
        if (cost.costUsd() != null) {
            meters.cost.increment(cost.costUsd().doubleValue());
        }
        meters.input.increment(cost.tokens().input());
        meters.cachedInput.increment(cost.tokens().cachedInput());
        meters.output.increment(cost.tokens().output());
    }

    /** One model's spend meters, built at its first model-day so each later day does one map lookup. */
    private record ModelMeters(Counter cost, Counter served, Counter input, Counter cachedInput, Counter output) {
    }

    private ModelMeters modelMeters(String model) {
        return new ModelMeters(
                Counter.builder(COST).description("USD spent on model calls, by model (days of unknown cost are "
                        + "left out)").tag("model", model).register(registry),
                Counter.builder(SERVED).description("Model calls answered for free from recordings (replays, the "
                        + "response cache)").tag("model", model).register(registry),
                tokens(model, "input"), tokens(model, "cached_input"), tokens(model, "output"));
    }

    private Counter tokens(String model, String type) {
        return Counter.builder(MODEL_TOKENS).description("Tokens of model calls by model and type (input includes "
                + "cached_input)").tag("model", model).tag("type", type).register(registry);
    }

    void jobFinished(JobStatus status) {
        Counter counter = finished.get(status);
        if (counter != null) {
            counter.increment();
        }
    }
}
