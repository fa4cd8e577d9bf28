-- PostgreSQL form of sqlite/V1: prices as DOUBLE PRECISION (PostgreSQL's REAL is only 4 bytes), volume as BIGINT.
CREATE TABLE price_data (
    symbol      TEXT             NOT NULL,
    date        TEXT             NOT NULL,
    open        DOUBLE PRECISION NOT NULL,
    high        DOUBLE PRECISION,
    low         DOUBLE PRECISION,
    close       DOUBLE PRECISION,
    volume      BIGINT,
    source      TEXT             NOT NULL,
    imported_at TEXT             NOT NULL,
    PRIMARY KEY (symbol, date)
);

CREATE INDEX idx_price_data_date ON price_data (date);

CREATE TABLE price_imports (
    sha256            TEXT    PRIMARY KEY,
    file_name         TEXT    NOT NULL,
    imported_at       TEXT    NOT NULL,
    symbols           INTEGER NOT NULL,
    inserted          INTEGER NOT NULL,
    replaced          INTEGER NOT NULL,
    unchanged         INTEGER NOT NULL,
    rejected          INTEGER NOT NULL,
    synthetic_removed INTEGER NOT NULL
);
