-- Hourly trading (contract 13): a model-day of an hourly job is one of its date's sessions, named by the start of its
-- 60-minute bar ('10:00'); a daily one has the session '' (every row stored before sessions). A job's model-day and
-- a committed result are unique per model, date and session. SQLite cannot change a UNIQUE constraint in place, so
-- job_details and trading_days are rebuilt; trading_days is referenced by holdings, actions, reasoning_logs and
-- tool_usage, which are rebuilt with it (their copies refer to the new table), the old ones dropped before the old
-- trading_days, so dropping it cascades to nothing. The renames carry the references over to the final names.
CREATE TABLE job_details_v15 (
    id                  INTEGER PRIMARY KEY,
    job_id              TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    model               TEXT    NOT NULL,
    date                TEXT    NOT NULL,
    session             TEXT    NOT NULL DEFAULT '',
    status              TEXT    NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'skipped',
                                                           'cancelled')),
    started_at          TEXT,
    completed_at        TEXT,
    error               TEXT,
    lease_owner         TEXT,
    lease_expires       TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0,
    attempt_log         TEXT,
    llm_calls           INTEGER,
    served_calls        INTEGER,
    input_tokens        BIGINT,
    cached_input_tokens BIGINT,
    cache_write_tokens  BIGINT,
    output_tokens       BIGINT,
    cost_usd            DOUBLE PRECISION,
    UNIQUE (job_id, model, date, session)
);
INSERT INTO job_details_v15 (id, job_id, model, date, status, started_at, completed_at, error, lease_owner,
    lease_expires, attempts, attempt_log, llm_calls, served_calls, input_tokens, cached_input_tokens,
    cache_write_tokens, output_tokens, cost_usd)
SELECT id, job_id, model, date, status, started_at, completed_at, error, lease_owner, lease_expires, attempts,
    attempt_log, llm_calls, served_calls, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, cost_usd
FROM job_details;
DROP TABLE job_details;
ALTER TABLE job_details_v15 RENAME TO job_details;
CREATE INDEX idx_job_details_model_date ON job_details (model, date, session);
CREATE INDEX idx_job_details_job_status ON job_details (job_id, status);
CREATE INDEX idx_job_details_model_status ON job_details (model, status, date, session);

CREATE TABLE trading_days_v15 (
    id                  INTEGER PRIMARY KEY,
    job_id              TEXT    NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    model               TEXT    NOT NULL,
    date                TEXT    NOT NULL,
    session             TEXT    NOT NULL DEFAULT '',
    cash                REAL    NOT NULL,
    starting_value      REAL    NOT NULL,
    ending_value        REAL    NOT NULL,
    previous_value      REAL    NOT NULL,
    profit              REAL    NOT NULL,
    return_pct          REAL    NOT NULL,
    total_steps         INTEGER NOT NULL,
    stop_signal         INTEGER NOT NULL,
    summary             TEXT,
    warnings            TEXT    NOT NULL DEFAULT '[]',
    stale               INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT    NOT NULL,
    llm_calls           INTEGER,
    served_calls        INTEGER,
    input_tokens        BIGINT,
    cached_input_tokens BIGINT,
    cache_write_tokens  BIGINT,
    output_tokens       BIGINT,
    cost_usd            DOUBLE PRECISION,
    borrow_fee          REAL    NOT NULL DEFAULT 0,
    commission          REAL    NOT NULL DEFAULT 0,
    slippage            REAL    NOT NULL DEFAULT 0,
    traded_value        REAL    NOT NULL DEFAULT 0,
    trades              INTEGER NOT NULL DEFAULT 0,
    knowledge_cutoff    TEXT,
    market              TEXT    NOT NULL DEFAULT 'us',
    UNIQUE (model, date, session)
);
INSERT INTO trading_days_v15 (id, job_id, model, date, cash, starting_value, ending_value, previous_value, profit,
    return_pct, total_steps, stop_signal, summary, warnings, stale, created_at, llm_calls, served_calls, input_tokens,
    cached_input_tokens, cache_write_tokens, output_tokens, cost_usd, borrow_fee, commission, slippage, traded_value,
    trades, knowledge_cutoff, market)
SELECT id, job_id, model, date, cash, starting_value, ending_value, previous_value, profit, return_pct, total_steps,
    stop_signal, summary, warnings, stale, created_at, llm_calls, served_calls, input_tokens, cached_input_tokens,
    cache_write_tokens, output_tokens, cost_usd, borrow_fee, commission, slippage, traded_value, trades,
    knowledge_cutoff, market
FROM trading_days;

CREATE TABLE holdings_v15 (
    trading_day_id INTEGER NOT NULL REFERENCES trading_days_v15 (id) ON DELETE CASCADE,
    symbol         TEXT    NOT NULL,
    shares         INTEGER NOT NULL,
    PRIMARY KEY (trading_day_id, symbol)
) WITHOUT ROWID;
INSERT INTO holdings_v15 (trading_day_id, symbol, shares) SELECT trading_day_id, symbol, shares FROM holdings;

CREATE TABLE actions_v15 (
    id             INTEGER PRIMARY KEY,
    trading_day_id INTEGER NOT NULL REFERENCES trading_days_v15 (id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    action         TEXT    NOT NULL CHECK (action IN ('buy', 'sell', 'cover')),
    symbol         TEXT    NOT NULL,
    amount         INTEGER NOT NULL,
    price          REAL    NOT NULL,
    total          REAL    NOT NULL,
    fill_price     REAL    NOT NULL,
    commission     REAL    NOT NULL DEFAULT 0,
    slippage       REAL    NOT NULL DEFAULT 0,
    reason         TEXT
);
INSERT INTO actions_v15 (id, trading_day_id, seq, action, symbol, amount, price, total, fill_price, commission,
    slippage, reason)
SELECT id, trading_day_id, seq, action, symbol, amount, price, total, fill_price, commission, slippage, reason
FROM actions;

CREATE TABLE reasoning_logs_v15 (
    id                  INTEGER PRIMARY KEY,
    trading_day_id      INTEGER NOT NULL REFERENCES trading_days_v15 (id) ON DELETE CASCADE,
    seq                 INTEGER NOT NULL,
    role                TEXT    NOT NULL,
    content             TEXT,
    tool_name           TEXT,
    tool_arguments      TEXT,
    tool_result         TEXT,
    timestamp           TEXT    NOT NULL,
    input_tokens        INTEGER,
    output_tokens       INTEGER,
    cached_input_tokens INTEGER
);
INSERT INTO reasoning_logs_v15 (id, trading_day_id, seq, role, content, tool_name, tool_arguments, tool_result,
    timestamp, input_tokens, output_tokens, cached_input_tokens)
SELECT id, trading_day_id, seq, role, content, tool_name, tool_arguments, tool_result, timestamp, input_tokens,
    output_tokens, cached_input_tokens
FROM reasoning_logs;

CREATE TABLE tool_usage_v15 (
    trading_day_id INTEGER NOT NULL REFERENCES trading_days_v15 (id) ON DELETE CASCADE,
    tool_name      TEXT    NOT NULL,
    calls          INTEGER NOT NULL,
    PRIMARY KEY (trading_day_id, tool_name)
) WITHOUT ROWID;
INSERT INTO tool_usage_v15 (trading_day_id, tool_name, calls) SELECT trading_day_id, tool_name, calls FROM tool_usage;

DROP TABLE holdings;
DROP TABLE actions;
DROP TABLE reasoning_logs;
DROP TABLE tool_usage;
DROP TABLE trading_days;
ALTER TABLE trading_days_v15 RENAME TO trading_days;
ALTER TABLE holdings_v15 RENAME TO holdings;
ALTER TABLE actions_v15 RENAME TO actions;
ALTER TABLE reasoning_logs_v15 RENAME TO reasoning_logs;
ALTER TABLE tool_usage_v15 RENAME TO tool_usage;

CREATE INDEX idx_trading_days_date ON trading_days (date);
CREATE INDEX idx_trading_days_job ON trading_days (job_id);
CREATE INDEX idx_actions_day ON actions (trading_day_id);
CREATE INDEX idx_reasoning_day ON reasoning_logs (trading_day_id);
CREATE INDEX idx_trading_days_performance ON trading_days (date, model, ending_value, previous_value, stale, trades,
    commission, slippage, borrow_fee, traded_value, llm_calls, input_tokens, cached_input_tokens, cache_write_tokens,
    output_tokens, cost_usd, knowledge_cutoff, market, session);

CREATE TRIGGER trading_days_inserted AFTER INSERT ON trading_days
BEGIN
    INSERT INTO result_versions (model, version) VALUES (NEW.model, 1)
    ON CONFLICT (model) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER trading_days_updated AFTER UPDATE ON trading_days
BEGIN
    INSERT INTO result_versions (model, version) VALUES (NEW.model, 1)
    ON CONFLICT (model) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER trading_days_deleted AFTER DELETE ON trading_days
BEGIN
    INSERT INTO result_versions (model, version) VALUES (OLD.model, 1)
    ON CONFLICT (model) DO UPDATE SET version = version + 1;
END;

-- The recorded exchanges of a session, for its replay.
ALTER TABLE model_calls ADD COLUMN session TEXT NOT NULL DEFAULT '';
