-- Trading rules (contract 10): each trade's fill price after slippage, its commission and slippage in currency, and
-- why it was made when the model did not make it (reason 'margin_call' on a 'cover'); the borrow fee a day's shorts
-- paid at the open; the job a re-scoring job replays the orders of. Existing trades filled at the open without costs.
ALTER TABLE actions DROP CONSTRAINT actions_action_check;
ALTER TABLE actions ADD CONSTRAINT actions_action_check CHECK (action IN ('buy', 'sell', 'cover'));
ALTER TABLE actions ADD COLUMN fill_price DOUBLE PRECISION;
UPDATE actions SET fill_price = price;
ALTER TABLE actions ALTER COLUMN fill_price SET NOT NULL;
ALTER TABLE actions ADD COLUMN commission DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE actions ADD COLUMN slippage DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE actions ADD COLUMN reason TEXT;

ALTER TABLE trading_days ADD COLUMN borrow_fee DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN rescore_of TEXT;

-- The day's sums, kept with the day so /performance reads no trades: how many trades, their commissions, slippage
-- and traded value (sum of the notionals, for turnover). Existing days traded without costs.
ALTER TABLE trading_days ADD COLUMN commission DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE trading_days ADD COLUMN slippage DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE trading_days ADD COLUMN traded_value DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE trading_days ADD COLUMN trades INTEGER NOT NULL DEFAULT 0;
UPDATE trading_days SET traded_value = (SELECT COALESCE(SUM(a.total), 0) FROM actions a WHERE a.trading_day_id = trading_days.id),
                        trades = (SELECT COUNT(*) FROM actions a WHERE a.trading_day_id = trading_days.id);

-- /performance reads every day of a period for every model: from this covering index alone, not from the rows
-- (which carry the summary and warnings, so a scan of the table reads many times the pages).
CREATE INDEX idx_trading_days_performance ON trading_days (date, model, ending_value, previous_value, stale, trades,
    commission, slippage, borrow_fee, traded_value, llm_calls, input_tokens, cached_input_tokens, cache_write_tokens,
    output_tokens, cost_usd);
