-- Training-window contamination (contract 11): each day keeps its model's knowledge cutoff as the job fixed it (a
-- date; 'none' for mock and builtin models, which learned nothing; NULL when not known), so results can say whether
-- the day was in the model's training window and /performance can leave those days out. The performance index
-- gains the column (plain SQL both databases accept).
ALTER TABLE trading_days ADD COLUMN knowledge_cutoff TEXT;
DROP INDEX idx_trading_days_performance;
CREATE INDEX idx_trading_days_performance ON trading_days (date, model, ending_value, previous_value, stale, trades,
    commission, slippage, borrow_fee, traded_value, llm_calls, input_tokens, cached_input_tokens, cache_write_tokens,
    output_tokens, cost_usd, knowledge_cutoff);
