-- A price download in progress (contract 8: progress.download while a job is downloading_data), one row per run,
-- keyed by the job's id: how many symbols it asks for, how many ended, and its pace. The instance downloading writes
-- one small UPDATE per symbol; status readers on any instance read the row. Plain SQL that both databases accept.
CREATE TABLE download_progress (
    run_id              TEXT    PRIMARY KEY,
    symbols_total       INTEGER NOT NULL,
    symbols_done        INTEGER NOT NULL,
    symbols_failed      INTEGER NOT NULL,
    requests_per_minute INTEGER NOT NULL,
    started_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);
