-- Markets (contract 12): each day keeps the market its job traded on ('us' for every day stored before markets), so a
-- signature's chain never crosses markets and /performance ranks one market at a time. The performance index gains the
-- column (plain SQL both databases accept).
ALTER TABLE trading_days ADD COLUMN market TEXT NOT NULL DEFAULT 'us';
DROP INDEX idx_trading_days_performance;
CREATE INDEX idx_trading_days_performance ON trading_days (date, model, ending_value, previous_value, stale, trades,
    commission, slippage, borrow_fee, traded_value, llm_calls, input_tokens, cached_input_tokens, cache_write_tokens,
    output_tokens, cost_usd, knowledge_cutoff, market);
