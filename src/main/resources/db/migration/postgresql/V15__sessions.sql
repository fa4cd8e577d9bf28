-- Hourly trading (contract 13): a model-day of an hourly job is one of its date's sessions, named by the start of its
-- 60-minute bar ('10:00'); a daily one has the session '' (every row stored before sessions). A job's model-day and
-- a committed result are unique per model, date and session; the recorded exchanges carry the session for replays.
ALTER TABLE job_details ADD COLUMN session TEXT NOT NULL DEFAULT '';
ALTER TABLE job_details DROP CONSTRAINT job_details_job_id_model_date_key;
ALTER TABLE job_details ADD CONSTRAINT job_details_job_id_model_date_session_key UNIQUE (job_id, model, date, session);
DROP INDEX idx_job_details_model_date;
CREATE INDEX idx_job_details_model_date ON job_details (model, date, session);
DROP INDEX idx_job_details_model_status;
CREATE INDEX idx_job_details_model_status ON job_details (model, status, date, session);

ALTER TABLE trading_days ADD COLUMN session TEXT NOT NULL DEFAULT '';
ALTER TABLE trading_days DROP CONSTRAINT trading_days_model_date_key;
ALTER TABLE trading_days ADD CONSTRAINT trading_days_model_date_session_key UNIQUE (model, date, session);
DROP INDEX idx_trading_days_performance;
CREATE INDEX idx_trading_days_performance ON trading_days (date, model, ending_value, previous_value, stale, trades,
    commission, slippage, borrow_fee, traded_value, llm_calls, input_tokens, cached_input_tokens, cache_write_tokens,
    output_tokens, cost_usd, knowledge_cutoff, market, session);

ALTER TABLE model_calls ADD COLUMN session TEXT NOT NULL DEFAULT '';
