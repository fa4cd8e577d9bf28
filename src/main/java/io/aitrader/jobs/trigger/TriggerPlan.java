package io.aitrader.jobs.trigger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import io.aitrader.config.SimulationConfig;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.PlannedDay;

/**
 * What a trigger resolved to: the model-days to run, those skipped with reasons, warnings for the answer, and the
 * job's spending cap (null: none) and, for a replay, the job it reproduces.
 */
public record TriggerPlan(String configPath, SimulationConfig config, List<String> models, List<PlannedDay> toRun,
        List<PlannedDay> skipped, List<String> warnings, boolean replaceExisting, BigDecimal maxCostUsd,
        String replayOf, String rescoreOf) {

    /** Why a model-day is skipped that another active job still has to run: its status there, and that job's id. */
    static final String HELD_REASON = "%s in job %s";

    public List<LocalDate> dateRange() {
        return List.copyOf(new TreeSet<>(toRun.stream().map(PlannedDay::date).toList()));
    }

    public boolean isEmpty() { return toRun.isEmpty(); }

    /** Identifies the work, so a second trigger of the same model-days finds the running job. */
    public String workKey() {
        String joined = String.join(",",
                toRun.stream().map(d -> d.model() + "@" + d.date()).sorted().toList()) + "|" + replaceExisting
                + (replayOf == null ? "" : "|replay of " + replayOf);
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan without the model-days that other active jobs hold: those become skipped, naming the job. */
    TriggerPlan skipping(Map<ActiveModelDays.Day, ActiveModelDays.Holder> held) {
        if (held.isEmpty()) {
            return this;
        }
        List<PlannedDay> run = new ArrayList<>();
        List<PlannedDay> skip = new ArrayList<>(skipped);
        for (PlannedDay day : toRun) {
            ActiveModelDays.Holder holder = held.get(new ActiveModelDays.Day(day.model(), day.date()));
            if (holder == null) {
                run.add(day);
            } else {
                skip.add(new PlannedDay(day.model(), day.date(), ModelDayStatus.SKIPPED,
                        String.format(Locale.ROOT, HELD_REASON, holder.status().wire(), holder.jobId())));
            }
        }
        return new TriggerPlan(configPath, config, models, List.copyOf(run), List.copyOf(skip), warnings,
                replaceExisting, maxCostUsd, replayOf, rescoreOf);
    }
}
