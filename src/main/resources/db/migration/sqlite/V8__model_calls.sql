-- Every model call of a model-day, verbatim (contract 9): the request body as sent (credentials travel in headers,
-- which are not kept) with its SHA-256, and the response as received, both gzip-compressed; one row per attempt. Kept
-- with the day's end in its transaction, for failed days too (diagnosis); only a completed day's are replayed.
-- served_by: who answered — the provider, a replay of a recording, or the response cache (neither costs anything).
CREATE TABLE model_calls (
    id           INTEGER PRIMARY KEY,
    job_id       TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    basemodel    TEXT,
    date         TEXT    NOT NULL,
    step         INTEGER NOT NULL,
    attempt      INTEGER NOT NULL,
    url          TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    request      BLOB    NOT NULL,
    status       INTEGER NOT NULL,
    response     BLOB    NOT NULL,
    served_by    TEXT    NOT NULL,
    recorded_at  TEXT    NOT NULL
);

CREATE INDEX idx_model_calls_day ON model_calls (job_id, model, date, step);
CREATE INDEX idx_model_calls_hash ON model_calls (request_hash, basemodel);

-- A replay runs the model-days of the job named here again from its recordings.
ALTER TABLE jobs ADD COLUMN replay_of TEXT;
