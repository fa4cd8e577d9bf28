-- A job is the set of model-days started by one trigger. Its config is stored resolved (without API keys) so a
-- later edit of the file does not change what the job ran.
CREATE TABLE jobs (
    job_id           TEXT    PRIMARY KEY,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'downloading_data', 'running', 'completed',
                                                        'partial', 'failed', 'cancelled')),
    config_path      TEXT    NOT NULL,
    config_json      TEXT    NOT NULL,
    date_range       TEXT    NOT NULL,
    models           TEXT    NOT NULL,
    work_key         TEXT    NOT NULL,
    replace_existing INTEGER NOT NULL DEFAULT 0,
    warnings         TEXT    NOT NULL DEFAULT '[]',
    error            TEXT,
    triggered_by     TEXT,
    created_at       TEXT    NOT NULL,
    started_at       TEXT,
    updated_at       TEXT    NOT NULL,
    completed_at     TEXT
);

CREATE INDEX idx_jobs_status ON jobs (status);
CREATE INDEX idx_jobs_created ON jobs (created_at);

-- One row per model-day of a job.
CREATE TABLE job_details (
    id           INTEGER PRIMARY KEY,
    job_id       TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    model        TEXT    NOT NULL,
    date         TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'skipped',
                                                    'cancelled')),
    started_at   TEXT,
    completed_at TEXT,
    error        TEXT,
    UNIQUE (job_id, model, date)
);

CREATE INDEX idx_job_details_model_date ON job_details (model, date);

-- The committed result of one model-day: at most one per model and date, whichever job produced it.
CREATE TABLE trading_days (
    id                INTEGER PRIMARY KEY,
    job_id            TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    model             TEXT    NOT NULL,
    date              TEXT    NOT NULL,
    cash              REAL    NOT NULL,
    starting_value    REAL    NOT NULL,
    ending_value      REAL    NOT NULL,
    previous_value    REAL    NOT NULL,
    profit            REAL    NOT NULL,
    return_pct        REAL    NOT NULL,
    total_steps       INTEGER NOT NULL,
    stop_signal       INTEGER NOT NULL,
    summary           TEXT,
    warnings          TEXT    NOT NULL DEFAULT '[]',
    stale             INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT    NOT NULL,
    UNIQUE (model, date)
);

CREATE INDEX idx_trading_days_date ON trading_days (date);
CREATE INDEX idx_trading_days_job ON trading_days (job_id);

-- End-of-day share holdings (non-zero only); cash lives on trading_days.
CREATE TABLE holdings (
    trading_day_id INTEGER NOT NULL REFERENCES trading_days (id) ON DELETE CASCADE,
    symbol         TEXT    NOT NULL,
    shares         INTEGER NOT NULL,
    PRIMARY KEY (trading_day_id, symbol)
) WITHOUT ROWID;

-- Filled orders of the day, in order.
CREATE TABLE actions (
    id             INTEGER PRIMARY KEY,
    trading_day_id INTEGER NOT NULL REFERENCES trading_days (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    action         TEXT    NOT NULL CHECK (action IN ('buy', 'sell')),
    symbol         TEXT    NOT NULL,
    amount         INTEGER NOT NULL,
    price          REAL    NOT NULL,
    total          REAL    NOT NULL
);

CREATE INDEX idx_actions_day ON actions (trading_day_id);

-- The conversation behind a model-day, every message and tool call in order.
CREATE TABLE reasoning_logs (
    id             INTEGER PRIMARY KEY,
    trading_day_id INTEGER NOT NULL REFERENCES trading_days (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    role           TEXT    NOT NULL,
    content        TEXT,
    tool_name      TEXT,
    tool_arguments TEXT,
    tool_result    TEXT,
    timestamp      TEXT    NOT NULL,
    input_tokens   INTEGER,
    output_tokens  INTEGER
);

CREATE INDEX idx_reasoning_day ON reasoning_logs (trading_day_id);

CREATE TABLE tool_usage (
    trading_day_id INTEGER NOT NULL REFERENCES trading_days (id) ON DELETE CASCADE,
    tool_name      TEXT    NOT NULL,
    calls          INTEGER NOT NULL,
    PRIMARY KEY (trading_day_id, tool_name)
) WITHOUT ROWID;
