-- Cost and budgets (contract 9): each model-day's model calls, their tokens and cost, on the job's model-day (kept for
-- failed days too: they were paid for) and on the committed result; the job's own spending cap; the cached input
-- tokens of each assistant message; served_calls: calls a replay or the response cache answered (free). input_tokens counts every input token, cached ones included; cost_usd is NULL when
-- no price is known. Plain SQL that both databases accept (SQLite reads DOUBLE PRECISION as REAL).
ALTER TABLE jobs ADD COLUMN max_cost_usd DOUBLE PRECISION;

ALTER TABLE job_details ADD COLUMN llm_calls INTEGER;
ALTER TABLE job_details ADD COLUMN served_calls INTEGER;
ALTER TABLE job_details ADD COLUMN input_tokens BIGINT;
ALTER TABLE job_details ADD COLUMN cached_input_tokens BIGINT;
ALTER TABLE job_details ADD COLUMN cache_write_tokens BIGINT;
ALTER TABLE job_details ADD COLUMN output_tokens BIGINT;
ALTER TABLE job_details ADD COLUMN cost_usd DOUBLE PRECISION;

ALTER TABLE trading_days ADD COLUMN llm_calls INTEGER;
ALTER TABLE trading_days ADD COLUMN served_calls INTEGER;
ALTER TABLE trading_days ADD COLUMN input_tokens BIGINT;
ALTER TABLE trading_days ADD COLUMN cached_input_tokens BIGINT;
ALTER TABLE trading_days ADD COLUMN cache_write_tokens BIGINT;
ALTER TABLE trading_days ADD COLUMN output_tokens BIGINT;
ALTER TABLE trading_days ADD COLUMN cost_usd DOUBLE PRECISION;

ALTER TABLE reasoning_logs ADD COLUMN cached_input_tokens INTEGER;
