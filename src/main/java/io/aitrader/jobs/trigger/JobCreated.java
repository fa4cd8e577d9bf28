package io.aitrader.jobs.trigger;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** 202 answer of a trigger that created a job. */
@RegisterForReflection // native image: answered as a Response entity, so Quarkus cannot see the type
public record JobCreated(@JsonProperty("job_id") String jobId, String status,
        @JsonProperty("date_range") List<LocalDate> dateRange, List<String> models,
        @JsonProperty("total_model_days") int totalModelDays, List<Skipped> skipped, List<String> warnings,
        @JsonProperty("created_at") String createdAt, String message) {

    public record Skipped(String model, LocalDate date, String reason) {
    }
}
