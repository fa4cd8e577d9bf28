package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import io.aitrader.config.SimulationConfig;

/** What a trigger resolved to: the model-days to run, those skipped with reasons, and warnings for the answer. */
public record TriggerPlan(String configPath, SimulationConfig config, List<String> models, List<PlannedDay> toRun,
        List<PlannedDay> skipped, List<String> warnings, boolean replaceExisting) {

    public List<LocalDate> dateRange() {
        return List.copyOf(new TreeSet<>(toRun.stream().map(PlannedDay::date).toList()));
    }

    public boolean isEmpty() { return toRun.isEmpty(); }

    /** Identifies the work, so a second trigger of the same model-days finds the running job. */
    public String workKey() {
        String joined = String.join(",",
                toRun.stream().map(d -> d.model() + "@" + d.date()).sorted().toList()) + "|" + replaceExisting;
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    joined.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
