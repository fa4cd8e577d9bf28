package io.aitrader.jobs.store;

import java.time.LocalDate;

import io.aitrader.cost.DayCost;

/**
 * A stored model-day of a job; {@code cost} is what its model calls used and cost, null until it recorded that (it has
 * not ended, or it ended without running).
 */
public record ModelDay(long id, String jobId, String model, LocalDate date, ModelDayStatus status, String startedAt,
        String completedAt, String error, DayCost cost) {

    /** A model-day as the engine handles it, without its usage. */
    public ModelDay(long id, String jobId, String model, LocalDate date, ModelDayStatus status, String startedAt,
            String completedAt, String error) {
        this(id, jobId, model, date, status, startedAt, completedAt, error, null);
    }
}
