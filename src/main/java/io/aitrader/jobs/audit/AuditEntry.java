package io.aitrader.jobs.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A stored audit row as GET /simulate/audit answers it. */
public record AuditEntry(long id, String time, @JsonProperty("job_id") String jobId, String model, String date,
        String event, String detail, String actor) {
}
