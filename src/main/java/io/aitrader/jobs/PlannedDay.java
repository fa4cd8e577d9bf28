package io.aitrader.jobs;

import java.time.LocalDate;

/** A model-day as the trigger planned it: pending to run, or skipped with a reason. */
public record PlannedDay(String model, LocalDate date, ModelDayStatus status, String reason) {

    static PlannedDay pending(String model, LocalDate date) {
        return new PlannedDay(model, date, ModelDayStatus.PENDING, null);
    }
}
