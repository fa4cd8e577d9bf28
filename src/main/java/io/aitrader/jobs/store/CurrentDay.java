package io.aitrader.jobs.store;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The model-day a job is running now (the earliest running one), as its status shows it. */
@Schema(name = "Current")
public record CurrentDay(LocalDate date, String model) {
}
