-- A version per model that every write of its results raises (contract 11's cost of the statistics): GET /performance
-- keeps its last reports and answers again from one while the versions of its models are what they were. A trigger
-- raises them, so every writer counts: the ledger's commits, replaced and stale days, deleted jobs, imported bundles.
-- Versions only grow, and a model's row is never deleted: their sum grows with every committed write. One row per
-- model, not one for all: commits of different models never wait for each other's row lock.
CREATE TABLE result_versions (
    model   TEXT   PRIMARY KEY,
    version BIGINT NOT NULL
);

INSERT INTO result_versions (model, version) SELECT model, 1 FROM trading_days GROUP BY model;

CREATE FUNCTION raise_result_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO result_versions (model, version)
    VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.model ELSE NEW.model END, 1)
    ON CONFLICT (model) DO UPDATE SET version = result_versions.version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER trading_days_written AFTER INSERT OR UPDATE OR DELETE ON trading_days
    FOR EACH ROW EXECUTE FUNCTION raise_result_version();
