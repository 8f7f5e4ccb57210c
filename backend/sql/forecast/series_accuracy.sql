-- Each series' model and recent accuracy at level $1 (forecast_models), only zones $2 and codes $3 when given.
SELECT zone_id, code, method, history_days, mean_daily, mase, coverage_80, coverage_95, fitted_at
FROM forecast_models
WHERE level = $1 AND ($2::int[] IS NULL OR zone_id = ANY($2::int[])) AND ($3::text[] IS NULL OR code = ANY($3::text[]))
ORDER BY mase NULLS LAST, zone_id NULLS FIRST, code
