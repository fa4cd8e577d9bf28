package io.aitrader.jobs.store;

import java.time.LocalDate;

/** A model-day as the trigger planned it: pending to run, or skipped with a reason. */
public record PlannedDay(String model, LocalDate date, ModelDayStatus status, String reason) {

    /** Why a day is skipped that the ledger holds already (unless replace_existing). */
    public static final String ALREADY_COMPLETED = "already completed";

    public static PlannedDay pending(String model, LocalDate date) {
        return new PlannedDay(model, date, ModelDayStatus.PENDING, null);
    }
}
