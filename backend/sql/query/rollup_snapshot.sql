-- What a query needs to know of the rollups in its snapshot: is any request marked for the rollup job
-- (when none is, the pending delta is left out), and where the hour levels begin (migrations 0023, 0025, 0030).
SELECT EXISTS (SELECT 1 FROM rollup_pending) AS pending,
       (SELECT hour_from FROM rollup_hour_horizon) AS hour_from,
       (SELECT hist_hour_from FROM rollup_hour_horizon) AS hist_hour_from,
       (SELECT lean_hour_from FROM rollup_hour_horizon) AS lean_hour_from
