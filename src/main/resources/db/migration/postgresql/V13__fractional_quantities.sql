-- Crypto trades fractions of a coin, to 6 decimals (contract 12), so a holding's shares and an action's amount become
-- exact decimals; whole shares keep their values. Unconstrained NUMERIC keeps each value as written (10 stays 10, not
-- 10.000000); the service writes at most 6 decimals. SQLite needs no change: its INTEGER columns keep a whole number as
-- an integer and store a fraction as REAL, which the service reads back to its 6 decimals as it reads money.
ALTER TABLE holdings ALTER COLUMN shares TYPE NUMERIC;
ALTER TABLE actions ALTER COLUMN amount TYPE NUMERIC;
