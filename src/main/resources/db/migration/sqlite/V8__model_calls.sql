-- Every model call of a model-day, verbatim (contract 9): the request body as sent (credentials travel in headers,
-- which are not kept) with its SHA-256, and the response as received, both gzip-compressed; one row per attempt. Kept
-- with the day's end in its transaction, for failed days too (diagnosis); only a completed day's are replayed.
CREATE TABLE model_calls (
    id           INTEGER PRIMARY KEY,
    job_id       TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    date         TEXT    NOT NULL,
    step         INTEGER NOT NULL,
    attempt      INTEGER NOT NULL,
    url          TEXT    NOT NULL,
    request_hash TEXT    NOT NULL,
    request      BLOB    NOT NULL,
    status       INTEGER NOT NULL,
    response     BLOB    NOT NULL,
    recorded_at  TEXT    NOT NULL
);

CREATE INDEX idx_model_calls_day ON model_calls (job_id, model, date, step);
CREATE INDEX idx_model_calls_hash ON model_calls (request_hash);
