package io.aitrader.jobs.store;

import java.time.LocalDate;

/** A stored model-day of a job. */
public record ModelDay(long id, String jobId, String model, LocalDate date, ModelDayStatus status, String startedAt,
        String completedAt, String error) {
}
