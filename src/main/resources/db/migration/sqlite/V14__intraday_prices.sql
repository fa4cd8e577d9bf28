-- Hourly trading (contract 13): 60-minute bars beside the daily ones, each named by its start in the market's time
-- ('2025-03-04T10:00', New York for stocks, UTC for coins), with its trading date for range reads.
CREATE TABLE intraday_prices (
    symbol      TEXT    NOT NULL,
    bar_start   TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    open        REAL    NOT NULL,
    high        REAL,
    low         REAL,
    close       REAL,
    volume      INTEGER,
    source      TEXT    NOT NULL,
    imported_at TEXT    NOT NULL,
    PRIMARY KEY (symbol, bar_start)
) WITHOUT ROWID;

CREATE INDEX idx_intraday_prices_date ON intraday_prices (date);
