-- Histograms (medians, p90) get hour rows too, under their own horizon: a 30-day median then reads hour
-- rows for the partial days at its edges instead of every request of those days. Where rollups already
-- hold data, the hour histograms of the past were never written, so their horizon starts an hour after
-- this migration (the rollup job moves it back to S360_ROLLUP_HOUR_DAYS once that much time has passed);
-- on an empty database it starts at once.
ALTER TABLE rollup_hour_horizon ADD COLUMN hist_hour_from timestamptz;
UPDATE rollup_hour_horizon
SET hist_hour_from = CASE WHEN EXISTS (SELECT 1 FROM rollup_state) THEN date_trunc('hour', now()) + interval '1 hour'
                          ELSE '-infinity' END;
ALTER TABLE rollup_hour_horizon ALTER COLUMN hist_hour_from SET NOT NULL;
