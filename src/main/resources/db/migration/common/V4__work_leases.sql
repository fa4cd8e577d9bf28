-- Leases for several instances on one PostgreSQL (contract 7): the instance that claimed a running model-day, or is
-- preparing a job, and until when its claim holds. An expired lease makes the work claimable again. SQLite (one
-- instance) leaves them empty. Plain SQL that both databases accept.
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_expires TEXT;
ALTER TABLE job_details ADD COLUMN lease_owner TEXT;
ALTER TABLE job_details ADD COLUMN lease_expires TEXT;

CREATE INDEX idx_job_details_job_status ON job_details (job_id, status);
