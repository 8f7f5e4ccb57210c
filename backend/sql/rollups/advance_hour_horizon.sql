-- Moves the hour-level horizons forward to $1 (never back). Its own transaction, committed before the
-- rollup batches that read it, so every snapshot that sees hour rows written under a horizon sees it too.
UPDATE rollup_hour_horizon
SET hour_from = greatest(hour_from, date_trunc('hour', $1::timestamptz)),
    hist_hour_from = greatest(hist_hour_from, date_trunc('hour', $1::timestamptz))
WHERE hour_from < date_trunc('hour', $1::timestamptz) OR hist_hour_from < date_trunc('hour', $1::timestamptz)
RETURNING hour_from
