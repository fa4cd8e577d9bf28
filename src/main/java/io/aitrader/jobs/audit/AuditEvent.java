package io.aitrader.jobs.audit;

import java.time.LocalDate;

/**
 * One job state change to append to the audit trail. {@code model} and {@code date} are set for model-day events;
 * a null {@code actor} stands for the job's own trigger (worker events act on its behalf).
 */
public record AuditEvent(String jobId, String model, LocalDate date, String event, String detail, String actor) {

    public static final String CREATED = "created";
    public static final String STARTED = "started";
    public static final String CANCELLED = "cancelled";
    public static final String RESUMED = "resumed";
    public static final String FINISHED = "finished";

    /** The longest detail kept; reasons are clipped, never dropped. */
    static final int MAX_DETAIL = 500;

    public AuditEvent {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
    }

    /** A job-level event. */
    public static AuditEvent job(String jobId, String event, String detail, String actor) {
        return new AuditEvent(jobId, null, null, event, detail, actor);
    }

    /** A model-day's end: the event is {@code model_day_<status>} (completed, failed, skipped or cancelled). */
    public static AuditEvent dayEnded(String jobId, String model, LocalDate date, String status, String reason,
            String actor) {
        return new AuditEvent(jobId, model, date, "model_day_" + status, reason, actor);
    }
}
