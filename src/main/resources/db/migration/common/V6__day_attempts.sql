-- Attempt limit (MAX_DAY_ATTEMPTS): how many times a model-day was claimed, and what ended each attempt that did not
-- end the day (a storage fault, a lapsed lease after a crash or a stop). Plain SQL that both databases accept.
ALTER TABLE job_details ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE job_details ADD COLUMN attempt_log TEXT;

-- The claim's "no earlier day of the same model pending or running in any job" probe.
CREATE INDEX idx_job_details_model_status ON job_details (model, status, date);
