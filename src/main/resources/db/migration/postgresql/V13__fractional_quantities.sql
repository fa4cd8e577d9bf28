-- Crypto trades fractions of a coin, to 6 decimals (contract 12), so a holding's shares and an action's amount become
-- exact decimals; whole shares keep their values. SQLite needs no change: its INTEGER columns keep a whole number as
-- an integer and store a fraction as REAL, which the service reads back to its 6 decimals as it reads money.
ALTER TABLE holdings ALTER COLUMN shares TYPE NUMERIC(24, 6);
ALTER TABLE actions ALTER COLUMN amount TYPE NUMERIC(24, 6);
