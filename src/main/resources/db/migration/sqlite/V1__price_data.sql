-- Daily prices; one row per symbol and date. A day still in progress carries only its open.
CREATE TABLE price_data (
    symbol      TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    open        REAL    NOT NULL,
    high        REAL,
    low         REAL,
    close       REAL,
    volume      INTEGER,
    source      TEXT    NOT NULL,
    imported_at TEXT    NOT NULL,
    PRIMARY KEY (symbol, date)
) WITHOUT ROWID;

CREATE INDEX idx_price_data_date ON price_data (date);

-- Every price file imported (upload, command line or DATA_DIR/prices), by content hash: the startup scan skips a
-- file whose content was imported before, so a restart imports nothing twice.
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
