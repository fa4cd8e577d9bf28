-- The audit trail: every job state change with its time, job, model-day (when it concerns one) and actor (the API
-- key's name when keys are on, else the client address; worker events carry the job's own trigger). Append-only;
-- id gives the order. No foreign key, so writing a row costs one index insert and the trail outlives its job.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    time   TEXT    NOT NULL,
    job_id TEXT    NOT NULL,
    model  TEXT,
    date   TEXT,
    event  TEXT    NOT NULL CHECK (event IN ('created', 'started', 'model_day_completed', 'model_day_failed',
                                             'model_day_skipped', 'model_day_cancelled', 'cancelled', 'resumed',
                                             'finished')),
    detail TEXT,
    actor  TEXT
);

CREATE INDEX idx_audit_log_job ON audit_log (job_id, id);
