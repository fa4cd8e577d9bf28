-- A version per model that every write of its results raises (contract 11's cost of the statistics): GET /performance
-- keeps its last reports and answers again from one while the versions of its models are what they were. Triggers
-- raise them, so every writer counts: the ledger's commits, replaced and stale days, deleted jobs, imported bundles.
-- Versions only grow, and a model's row is never deleted: their sum grows with every write.
CREATE TABLE result_versions (
    model   TEXT    PRIMARY KEY,
    version INTEGER NOT NULL
);

INSERT INTO result_versions (model, version) SELECT model, 1 FROM trading_days GROUP BY model;

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
